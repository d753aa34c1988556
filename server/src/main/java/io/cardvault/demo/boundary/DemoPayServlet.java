package io.cardvault.demo.boundary;

import io.cardvault.demo.control.DemoTenant;
import io.cardvault.platform.control.JsonBodies;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * {@code POST /demo/pay} {@code {"tokenId": "...", "amount": 1999, "currency": "EUR"}}: the demo
 * merchant's backend. Like a real merchant it holds only the token id and its secret key, and pays
 * by calling cardvault's forwarding endpoint over HTTP with placeholders, against the sandbox PSP.
 */
@WebServlet("/demo/pay")
public class DemoPayServlet extends HttpServlet {

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f-]{36}");
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject DemoTenant demoTenant;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setHeader("Cache-Control", "no-store");
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        var demo = demoTenant.current();
        if (demo.isEmpty()) {
            reply(res, 404, "{\"error\":\"demo mode is off\"}");
            return;
        }
        JsonObject in;
        try {
            in = JsonBodies.parseObject(JsonBodies.readLimited(req.getInputStream(), 4096));
        } catch (RuntimeException e) {
            reply(res, 400, "{\"error\":\"send {\\\"tokenId\\\": ..., \\\"amount\\\": ...}\"}");
            return;
        }
        String tokenId = in.getString("tokenId", "");
        long amount = in.get("amount") instanceof jakarta.json.JsonNumber n ? n.longValue() : 1999;
        String currency = in.getString("currency", "EUR").replaceAll("[^A-Z]", "");
        if (!TOKEN.matcher(tokenId).matches() || amount <= 0 || currency.length() != 3) {
            reply(
                    res,
                    400,
                    "{\"error\":\"tokenId, a positive amount and a 3-letter currency are required\"}");
            return;
        }
        int port = req.getLocalPort();
        demoTenant.allowLocalPort(port);
        String base = "http://127.0.0.1:" + port;
        String sk = demo.get().secretKey();
        try {
            boolean cvc = cvcAvailable(base, sk, tokenId);
            String body =
                    "{\"amount\":"
                            + amount
                            + ",\"currency\":\""
                            + currency
                            + "\",\"card\":{"
                            + "\"number\":\"{{ number }}\",\"expMonth\":\"{{ expiryMonth | unwrap }}\","
                            + "\"expYear\":\"{{ expiryYear | unwrap }}\""
                            + (cvc ? ",\"cvc\":\"{{ cvc }}\"" : "")
                            + ",\"holderName\":\"{{ holderName }}\"}}";
            HttpResponse<String> r =
                    CLIENT.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/forward"))
                                    .timeout(Duration.ofSeconds(40))
                                    .header("x-api-key", sk)
                                    .header("x-token-id", tokenId)
                                    .header("x-forward-url", base + "/sandbox/psp/v1/payments")
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonValue psp = parse(r.body());
            reply(
                    res,
                    200,
                    Json.createObjectBuilder()
                            .add("status", r.statusCode())
                            .add(
                                    "proxyError",
                                    r.headers().firstValue("x-cardvault-error").isPresent())
                            .add(
                                    "forwardId",
                                    r.headers().firstValue("x-cardvault-forward-id").orElse(""))
                            .add("response", psp)
                            .build()
                            .toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(res, 504, "{\"error\":\"interrupted\"}");
        }
    }

    private static boolean cvcAvailable(String base, String sk, String tokenId)
            throws IOException, InterruptedException {
        HttpResponse<String> r =
                CLIENT.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens/" + tokenId))
                                .header("x-api-key", sk)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            return false;
        }
        return parse(r.body()) instanceof JsonObject o
                && o.getJsonObject("card").getBoolean("cvcAvailable", false);
    }

    private static JsonValue parse(String body) {
        try {
            return Json.createReader(new StringReader(body)).readValue();
        } catch (RuntimeException e) {
            return Json.createValue(body.length() > 500 ? body.substring(0, 500) : body);
        }
    }

    private static void reply(HttpServletResponse res, int status, String json) throws IOException {
        res.setStatus(status);
        res.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
}
