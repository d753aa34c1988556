package io.cardvault.it;

import static io.cardvault.it.ForwardSupport.mask;
import static io.cardvault.it.ForwardSupport.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.cardvault.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checkout sessions through the API: validation, once-only completion (also under two simultaneous
 * submits), and signed callbacks that are retried until the merchant answers 2xx.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CheckoutIT {

    static final String VISA = "4111111111111111";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    @ArquillianResource URL base;

    /** The merchant's callback endpoint: answers 500 to the first {@link #failFirst} calls. */
    static HttpServer merchant;

    static final List<String[]> callbacks = new CopyOnWriteArrayList<>();
    static final AtomicInteger calls = new AtomicInteger();
    static volatile int failFirst;

    static String sk;
    static String callbackSecret;

    Api api;

    @BeforeAll
    static void startMerchant() throws IOException {
        merchant =
                HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        merchant.createContext(
                "/hooks",
                ex -> {
                    byte[] body = ex.getRequestBody().readAllBytes();
                    int n = calls.incrementAndGet();
                    callbacks.add(
                            new String[] {
                                ex.getRequestHeaders().getFirst("cardvault-signature"),
                                new String(body, StandardCharsets.UTF_8),
                                Long.toString(System.currentTimeMillis())
                            });
                    int status = n <= failFirst ? 500 : 204;
                    ex.sendResponseHeaders(status, -1);
                    ex.close();
                });
        merchant.start();
    }

    @AfterAll
    static void stopMerchant() {
        if (merchant != null) {
            merchant.stop(0);
        }
    }

    static String hook() {
        return "http://127.0.0.1:" + merchant.getAddress().getPort() + "/hooks";
    }

    @BeforeEach
    void tenant() {
        api = new Api(base);
        if (sk == null) {
            JsonObject t =
                    api.createTenant(
                            "Checkout IT " + UUID.randomUUID(),
                            "[\"https://shop.example\"]",
                            "[\"http://127.0.0.1:" + merchant.getAddress().getPort() + "/*\"]");
            sk = t.getString("secretKey");
            callbackSecret = t.getString("callbackSecret");
        }
    }

    private Reply create(String json) {
        return api.postJson("api/v1/checkout-sessions", json, "x-api-key", sk);
    }

    private static String session(String amount, String currency, String extra) {
        return "{\"amount\":"
                + amount
                + ",\"currency\":\""
                + currency
                + "\",\"description\":\"Order 1042\",\"successUrl\":\"https://shop.example/thanks\","
                + "\"cancelUrl\":\"https://shop.example/cart\",\"reference\":\"order-1042\""
                + extra
                + "}";
    }

    private Reply complete(String id, String tokenId) {
        String origin = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        return api.postJson(
                "api/v1/checkout-sessions/" + id + "/complete",
                "{\"tokenId\":\"" + tokenId + "\"}",
                "Origin",
                origin);
    }

    @Test
    void create_valid_returns201OpenFor30Minutes_andGetShowsIt() {
        Reply r = create(session("1999", "EUR", ""));
        assertEquals(201, r.status(), r.body());
        JsonObject s = r.json();
        assertTrue(s.getString("id").matches("cs_[0-9A-Za-z]{32}"));
        assertEquals("open", s.getString("status"));
        assertTrue(s.getString("url").endsWith("/pay/" + s.getString("id")));
        long minutes =
                java.time.Duration.between(
                                java.time.Instant.parse(s.getString("createdAt")),
                                java.time.Instant.parse(s.getString("expiresAt")))
                        .toMinutes();
        assertEquals(30, minutes);
        Reply get =
                api.send(
                        "GET",
                        "api/v1/checkout-sessions/" + s.getString("id"),
                        null,
                        "x-api-key",
                        sk);
        assertEquals(200, get.status());
        assertEquals(1999, get.json().getInt("amount"));
        assertEquals("Order 1042", get.json().getString("description"));
    }

    @Test
    void create_hostileOrMalformed_isRefusedWithFieldErrors() {
        String longText = "x".repeat(201) + "\\u0007";
        String[][] cases = {
            {session("-5", "EUR", ""), "amount", "not-positive"},
            {session("19.99", "EUR", ""), "amount", "not-an-integer"},
            {session("\"1999\"", "EUR", ""), "amount", "invalid-type"},
            {session("1000000000000", "EUR", ""), "amount", "too-large"},
            {session("1999", "XYZ", ""), "currency", "unknown-currency"},
            {session("1999", "eur", ""), "currency", "unknown-currency"},
            {
                "{\"amount\":1,\"currency\":\"EUR\",\"successUrl\":\"javascript:alert(1)\",\"cancelUrl\":\"https://shop.example/c\"}",
                "successUrl",
                "unsupported-scheme"
            },
            {
                "{\"amount\":1,\"currency\":\"EUR\",\"successUrl\":\"https://evil.example/t\",\"cancelUrl\":\"https://shop.example/c\"}",
                "successUrl",
                "origin-not-allowed"
            },
            {
                session("1999", "EUR", ",\"description\":\"" + longText + "\""),
                "description",
                "too-long"
            },
            {
                session("1999", "EUR", ",\"description\":\"" + longText + "\""),
                "description",
                "control-characters"
            },
            {
                session("1999", "EUR", ",\"callbackUrl\":\"http://127.0.0.2:9/hooks\""),
                "callbackUrl",
                "destination-not-allowed"
            },
            {
                session("1999", "EUR", ",\"callbackUrl\":\"https://evil.example/hooks\""),
                "callbackUrl",
                "destination-not-allowed"
            }
        };
        for (String[] c : cases) {
            Reply r = create(c[0].replace("\"description\":\"Order 1042\",", ""));
            assertEquals(422, r.status(), c[2] + ": " + r.body());
            assertEquals("invalid-checkout-session", r.problemType());
            JsonArray errors = r.json().getJsonArray("errors");
            assertTrue(
                    errors.stream()
                            .map(JsonObject.class::cast)
                            .anyMatch(
                                    e ->
                                            e.getString("field").equals(c[1])
                                                    && e.getString("code").equals(c[2])),
                    c[1] + " " + c[2] + " in " + errors);
            assertFalse(r.body().contains("evil.example"), "the detail does not echo input");
        }
    }

    @Test
    void complete_twoSimultaneousSubmits_exactlyOneWins() throws Exception {
        String id = create(session("500", "EUR", "")).json().getString("id");
        String t1 = token(api, sk, VISA, 12, 2031, null, null);
        String t2 = token(api, sk, "5555555555554444", 11, 2032, null, null);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Reply>> replies = new ArrayList<>();
            for (String t : List.of(t1, t2)) {
                Callable<Reply> call =
                        () -> {
                            go.await(10, TimeUnit.SECONDS);
                            return complete(id, t);
                        };
                replies.add(pool.submit(call));
            }
            go.countDown();
            int won = 0;
            int conflicts = 0;
            for (Future<Reply> f : replies) {
                Reply r = f.get(60, TimeUnit.SECONDS);
                if (r.status() == 200) {
                    won++;
                } else {
                    assertEquals(409, r.status(), r.body());
                    assertEquals("checkout-session-not-open", r.problemType());
                    conflicts++;
                }
            }
            assertEquals(1, won);
            assertEquals(1, conflicts);
        } finally {
            pool.shutdownNow();
        }
        JsonObject s =
                api.send("GET", "api/v1/checkout-sessions/" + id, null, "x-api-key", sk).json();
        assertEquals("complete", s.getString("status"));
        assertTrue(List.of(t1, t2).contains(s.getString("tokenId")));
        assertEquals(409, complete(id, t1).status(), "completes once only");
    }

    @Test
    void complete_fromAnotherOrigin_isRefused() {
        String id = create(session("500", "EUR", "")).json().getString("id");
        String t = token(api, sk, VISA, 12, 2031, null, null);
        Reply r =
                api.postJson(
                        "api/v1/checkout-sessions/" + id + "/complete",
                        "{\"tokenId\":\"" + t + "\"}",
                        "Origin",
                        "https://shop.example");
        assertEquals(403, r.status());
        assertEquals("not-the-hosted-page", r.problemType());
    }

    @Test
    void callback_failsTwiceThenSucceeds_isRetried_signed_andEveryAttemptRecorded()
            throws Exception {
        failFirst = 2;
        calls.set(0);
        callbacks.clear();
        String id =
                create(session("1999", "EUR", ",\"callbackUrl\":\"" + hook() + "\""))
                        .json()
                        .getString("id");
        String t = token(api, sk, VISA, 12, 2031, "123", null);
        Reply done = complete(id, t);
        assertEquals(200, done.status(), done.body());
        long completedAt = System.currentTimeMillis();
        for (int i = 0; i < 120 && calls.get() < 3; i++) {
            Thread.sleep(500);
        }
        assertEquals(3, calls.get(), "two failures, then the delivery");
        JsonArray deliveries = null;
        for (int i = 0; i < 40; i++) {
            deliveries =
                    api.send(
                                    "GET",
                                    "api/v1/checkout-sessions/" + id + "/deliveries",
                                    null,
                                    "x-api-key",
                                    sk)
                            .json()
                            .getJsonArray("data");
            if (deliveries.size() == 3) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals(3, deliveries.size());
        assertEquals(500, deliveries.getJsonObject(0).getInt("status"));
        assertEquals(500, deliveries.getJsonObject(1).getInt("status"));
        assertEquals(204, deliveries.getJsonObject(2).getInt("status"));
        StringBuilder timeline =
                new StringBuilder("callback delivery timeline (completed at t=0):\n");
        for (int i = 0; i < 3; i++) {
            JsonObject d = deliveries.getJsonObject(i);
            timeline.append(
                    String.format(
                            "  attempt %d at %s (t+%d ms): status %d, %d ms, error %s%n",
                            d.getInt("attempt"),
                            d.getString("attemptedAt"),
                            java.time.Instant.parse(d.getString("attemptedAt")).toEpochMilli()
                                    - completedAt,
                            d.getInt("status"),
                            d.getJsonNumber("durationMs").longValue(),
                            d.isNull("error") ? "-" : d.getString("error")));
        }
        System.out.println(timeline);
        JsonObject event =
                api.send(
                                "GET",
                                "api/v1/checkout-sessions/" + id + "/deliveries",
                                null,
                                "x-api-key",
                                sk)
                        .json()
                        .getJsonArray("events")
                        .getJsonObject(0);
        assertEquals("delivered", event.getString("state"));
        for (String[] c : callbacks) {
            assertTrue(verify(callbackSecret, c[0], c[1]), "signature verifies");
            assertFalse(verify("whsec_wrong", c[0], c[1]));
            assertFalse(c[1].contains(VISA), mask(c[1]));
            assertFalse(c[1].contains("\"123\""));
            JsonObject body = Json.createReader(new StringReader(c[1])).readObject();
            assertEquals("checkout.session.completed", body.getString("type"));
            assertEquals(id, body.getJsonObject("session").getString("id"));
            assertEquals("complete", body.getJsonObject("session").getString("status"));
            assertEquals(t, body.getJsonObject("session").getString("tokenId"));
            assertEquals(
                    "1111", body.getJsonObject("session").getJsonObject("card").getString("last4"));
        }
        assertEquals(callbacks.get(0)[1], callbacks.get(2)[1], "the same event each time");
    }

    /** What a merchant does (docs/hosted-page.md has the same in Java and Node). */
    static boolean verify(String secret, String header, String rawBody) throws Exception {
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv[0].equals("t")) {
                t = kv[1];
            } else if (kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((t + "." + rawBody).getBytes(StandardCharsets.UTF_8));
        byte[] given = java.util.HexFormat.of().parseHex(v1);
        return MessageDigest.isEqual(expected, given)
                && Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t)) < 300;
    }
}
