package io.cardvault.demo.boundary;

import io.cardvault.demo.control.DemoOrderStore;
import io.cardvault.demo.control.DemoTenant;
import io.cardvault.platform.control.JsonBodies;
import io.cardvault.platform.control.JsonFactories;
import jakarta.inject.Inject;
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
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /demo/pay} {@code {"tokenId": "...", "amount": 1999, "currency": "EUR",
 * "customerName": "..."}}: the demo merchant's backend. Like a real merchant it holds only the
 * token id and its secret key, and pays by calling cardvault's forwarding endpoint over HTTP with
 * placeholders, against the sandbox PSP. Every attempt that reaches the PSP is kept as an order in
 * {@link DemoOrderStore} (no card data, no token). The answer carries {@code outcome}: {@code
 * {status: approved|declined|failed, reason, transactionId}}, where {@code reason} is a sandbox
 * decline or card error code the page turns into a localized message.
 */
@WebServlet(urlPatterns = "/demo/pay", asyncSupported = true)
public class DemoPayServlet extends HttpServlet {

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f-]{36}");
    private static final Pattern CODE = Pattern.compile("[a-z_]{1,40}");
    private static final Pattern TRANSACTION = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** The sandbox's card errors (400) that the page explains like a decline. */
    private static final Set<String> CARD_ERRORS =
            Set.of("invalid_number", "invalid_expiry", "invalid_cvc");

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject DemoTenant demoTenant;

    @Inject DemoOrderStore orders;

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
        Optional<String> customerName;
        try {
            customerName = customerName(in);
        } catch (IllegalArgumentException e) {
            reply(
                    res,
                    400,
                    "{\"error\":\"customerName: up to 100 characters, no card numbers\",\"code\":\"customer-name\"}");
            return;
        }
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
            boolean proxyError = r.headers().firstValue("x-cardvault-error").isPresent();
            String forwardId = r.headers().firstValue("x-cardvault-forward-id").orElse("");
            JsonObject outcome = outcome(r.statusCode(), proxyError, psp, forwardId);
            orders.insert(
                    Optional.of(outcome.getString("transactionId")).filter(t -> !t.isEmpty()),
                    customerName,
                    amount,
                    currency,
                    outcome.getString("status"),
                    Optional.of(outcome.getString("reason")).filter(t -> !t.isEmpty()),
                    Instant.now());
            reply(
                    res,
                    200,
                    JsonFactories.objectBuilder()
                            .add("status", r.statusCode())
                            .add("proxyError", proxyError)
                            .add("forwardId", forwardId)
                            .add("outcome", outcome)
                            .add("response", psp)
                            .build()
                            .toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(res, 504, "{\"error\":\"interrupted\"}");
        }
    }

    /**
     * The merchant's view of the PSP's answer: approved (201), declined (402, with the sandbox's
     * declineCode), a card error (400 invalid_number / invalid_expiry / invalid_cvc, as declined)
     * or failed (anything else, including cardvault's own proxy errors). Only codes of the expected
     * shape pass; the page maps them to messages and never shows them raw.
     */
    static JsonObject outcome(int status, boolean proxyError, JsonValue psp, String forwardId) {
        JsonObject o = psp instanceof JsonObject obj ? obj : JsonValue.EMPTY_JSON_OBJECT;
        String pspId = o.getString("id", "");
        String transactionId =
                TRANSACTION.matcher(pspId).matches()
                        ? pspId
                        : TRANSACTION.matcher(forwardId).matches() ? forwardId : "";
        String result;
        String reason = "";
        if (!proxyError && status == 201 && "approved".equals(o.getString("status", ""))) {
            result = "approved";
        } else if (!proxyError && status == 402 && "declined".equals(o.getString("status", ""))) {
            result = "declined";
            reason = o.getString("declineCode", "card_declined");
        } else if (!proxyError
                && status == 400
                && o.get("error") instanceof JsonObject error
                && CARD_ERRORS.contains(error.getString("code", ""))) {
            result = "declined";
            reason = error.getString("code");
        } else {
            result = "failed";
        }
        return JsonFactories.objectBuilder()
                .add("status", result)
                .add("reason", CODE.matcher(reason).matches() ? reason : "")
                .add("transactionId", transactionId)
                .build();
    }

    /**
     * The optional customer name of the order: trimmed, control characters removed, at most 100
     * characters, and refused when it holds 6 or more digits (it must never carry a card number).
     */
    static Optional<String> customerName(JsonObject in) {
        if (!(in.get("customerName") instanceof jakarta.json.JsonString js)) {
            return Optional.empty();
        }
        String name = js.getString().replaceAll("\\p{Cntrl}", "").strip();
        if (name.length() > 100 || name.chars().filter(Character::isDigit).count() >= 6) {
            throw new IllegalArgumentException("customerName");
        }
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
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
            return JsonFactories.reader(new StringReader(body)).readValue();
        } catch (RuntimeException e) {
            return JsonFactories.string(body.length() > 500 ? body.substring(0, 500) : body);
        }
    }

    private static void reply(HttpServletResponse res, int status, String json) throws IOException {
        res.setStatus(status);
        res.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
}
