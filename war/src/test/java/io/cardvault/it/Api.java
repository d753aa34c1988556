package io.cardvault.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small HTTP client for the tests: loopback only, JSON in and out. */
public final class Api {

    public static final String ADMIN_KEY =
            System.getenv().getOrDefault("CARDVAULT_ADMIN_KEY", "it-admin-key-0123456789");

    private static final HttpClient CLIENT =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    private final URI base;

    public Api(URI base) {
        this.base = base;
        String host = base.getHost();
        if (!host.equals("localhost") && !host.equals("127.0.0.1") && !host.equals("[::1]")) {
            throw new IllegalArgumentException("tests talk to loopback only");
        }
    }

    public Api(java.net.URL url) {
        this(URI.create(url.toString()));
    }

    public URI base() {
        return base;
    }

    public record Reply(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String problemType() {
            String type = json().getString("type");
            return type.substring(type.lastIndexOf("/problems/") + "/problems/".length());
        }
    }

    public Reply send(String method, String path, String body, String... headers) {
        return sendBytes(
                method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Raw bytes as given; a header whose value is null is not sent. */
    public Reply sendBytes(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(
                                base.resolve(path.startsWith("/") ? path.substring(1) : path))
                        .timeout(Duration.ofSeconds(30))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                b.header(headers[i], headers[i + 1]);
            }
        }
        try {
            HttpResponse<String> r =
                    CLIENT.send(
                            b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply postJson(String path, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("POST", path, body, all);
    }

    /** Creates a tenant through the admin API and returns its JSON (with keys). */
    public JsonObject createTenant(String name, String originsJson, String destinationsJson) {
        Reply r =
                postJson(
                        "api/v1/admin/tenants",
                        "{\"name\":\""
                                + name
                                + "\",\"allowedOrigins\":"
                                + originsJson
                                + ",\"allowedDestinations\":"
                                + destinationsJson
                                + "}",
                        "x-admin-key",
                        ADMIN_KEY);
        if (r.status() != 201) {
            throw new IllegalStateException(
                    "tenant creation answered " + r.status() + ": " + r.body());
        }
        return r.json();
    }

    public JsonObject createTenant(String name) {
        return createTenant(name, "[\"https://shop.example\"]", "[]");
    }

    public static String card(String number, int month, int year, String cvc) {
        return "{\"number\":\""
                + number
                + "\",\"expiryMonth\":"
                + month
                + ",\"expiryYear\":"
                + year
                + (cvc == null ? "" : ",\"cvc\":\"" + cvc + "\"")
                + "}";
    }

    public static boolean isNull(JsonValue v) {
        return v == null || v == JsonValue.NULL;
    }
}
