package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.cardvault.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Helpers of the forwarding tests: raw-byte forward requests, token creation, and assertions that
 * never put a card number into a failure message (digit runs that could be a PAN are masked).
 */
final class ForwardSupport {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    private static final Pattern PAN_LIKE = Pattern.compile("[0-9](?:[ -]?[0-9]){11,18}");

    private ForwardSupport() {}

    /**
     * Sends exactly these headers (name, value pairs; a null value skips the pair) to the forward
     * endpoint.
     */
    static Reply send(Api api, String method, byte[] body, String... headers) {
        URI uri = api.base().resolve("api/v1/forward");
        if (!uri.getHost().equals("127.0.0.1") && !uri.getHost().equals("localhost")) {
            throw new IllegalArgumentException("tests talk to loopback only");
        }
        HttpRequest.Builder b =
                HttpRequest.newBuilder(uri)
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

    static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Creates a token with the secret key (not rate limited in the IT setup) and returns its id.
     */
    static String token(
            Api api, String sk, String number, int month, int year, String cvc, String holder) {
        JsonObjectBuilder b =
                Json.createObjectBuilder()
                        .add("number", number)
                        .add("expiryMonth", month)
                        .add("expiryYear", year);
        if (cvc != null) {
            b.add("cvc", cvc);
        }
        if (holder != null) {
            b.add("holderName", holder);
        }
        Reply r = api.postJson("api/v1/tokens", b.build().toString(), "x-api-key", sk);
        assertEquals(201, r.status(), "tokenization failed: " + mask(r.body()));
        return r.json().getString("id");
    }

    /**
     * Replaces anything that looks like a card number (12-19 digits, optionally grouped) by a
     * placeholder.
     */
    static String mask(String text) {
        return text == null ? null : PAN_LIKE.matcher(text).replaceAll("<digits>");
    }

    /**
     * Like assertEquals for texts that may contain card data: the message shows positions and
     * masked context only.
     */
    static void assertSameText(String expected, String actual, String what) {
        if (expected.equals(actual)) {
            return;
        }
        if (actual == null) {
            fail(what + ": nothing received");
        }
        int i = 0;
        while (i < expected.length()
                && i < actual.length()
                && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 20);
        fail(
                what
                        + " differs at offset "
                        + i
                        + " (expected length "
                        + expected.length()
                        + ", actual "
                        + actual.length()
                        + "); expected near: ["
                        + mask(expected.substring(from, Math.min(expected.length(), i + 20)))
                        + "] actual near: ["
                        + mask(actual.substring(from, Math.min(actual.length(), i + 20)))
                        + "]");
    }
}
