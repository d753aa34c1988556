package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.cardvault.it.Api.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checkout callbacks against merchant endpoints that misbehave (issue 13, "Bad input and faults"):
 * down, slower than the callback timeout, redirecting, answering 500 — each is retried and the
 * event is delivered in the end, never lost; a pending event survives a killed server. The real
 * bundle, with {@code cardvault.checkout.callback.timeout} lowered to 2 s and the first retry after
 * 1 s so the test takes seconds (the defaults stay 10 s / 10 s).
 */
class CallbackDeliveryIT {

    static final String VISA = "4111111111111111";
    static final Duration CALLBACK_TIMEOUT = Duration.ofSeconds(2);

    Path work;
    ServerProcess server;
    int port;
    Map<String, String> settings;
    HttpServer merchant;
    HttpServer lateMerchant;

    /** Calls per path, and what each path answers to its n-th call (1-based). */
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    final Map<String, java.util.function.IntUnaryOperator> behaviour = new ConcurrentHashMap<>();
    String sk;

    @BeforeEach
    void start() throws Exception {
        work = Files.createTempDirectory("cardvault-callbacks-");
        merchant =
                HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 32);
        merchant.setExecutor(Executors.newFixedThreadPool(8));
        merchant.createContext(
                "/",
                ex -> {
                    ex.getRequestBody().readAllBytes();
                    String path = ex.getRequestURI().getPath();
                    int n = calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                    int status = behaviour.getOrDefault(path, i -> 404).applyAsInt(n);
                    if (status == 302) {
                        ex.getResponseHeaders().add("Location", "/hooks/elsewhere");
                    }
                    ex.sendResponseHeaders(status, -1);
                    ex.close();
                });
        merchant.start();
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        port = ServerProcess.freePort();
        settings = new HashMap<>();
        settings.put("CARDVAULT_DATA_DIR", work.resolve("data").toString());
        settings.put("CARDVAULT_DEMO", "false");
        settings.put("CARDVAULT_MASTER_KEY", Base64.getEncoder().encodeToString(k));
        settings.put("CARDVAULT_ADMIN_KEY", Api.ADMIN_KEY);
        settings.put("CARDVAULT_CHECKOUT_CALLBACK_TIMEOUT", "PT2S");
        settings.put("CARDVAULT_CHECKOUT_CALLBACK_BACKOFF", "PT1S");
        server = ServerProcess.start(work, port, work.resolve("server-1.log"), settings);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        merchant.stop(0);
        if (lateMerchant != null) {
            lateMerchant.stop(0);
        }
        try (var files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void callbackEndpointDownSlowRedirectingOr500_isRetried_eventDeliveredNeverLost()
            throws Exception {
        int downPort = ServerProcess.freePort(); // nothing listens there yet
        tenant(List.of(merchant.getAddress().getPort(), downPort));
        slowFirst("/hooks/slow", 2);
        behaviour.put("/hooks/redirect", n -> n <= 2 ? 302 : 204);
        behaviour.put("/hooks/elsewhere", n -> 204);
        behaviour.put("/hooks/flaky", n -> n <= 2 ? 500 : 204);

        long t0 = System.currentTimeMillis();
        String down = paidSession("http://127.0.0.1:" + downPort + "/hooks/down");
        String slow = paidSession(hook("/hooks/slow"));
        String redirect = paidSession(hook("/hooks/redirect"));
        String flaky = paidSession(hook("/hooks/flaky"));

        // the endpoint that was down comes up after two failed attempts
        waitForAttempts(down, 2);
        lateMerchant =
                HttpServer.create(
                        new InetSocketAddress(InetAddress.getByName("127.0.0.1"), downPort), 8);
        lateMerchant.createContext(
                "/",
                ex -> {
                    ex.getRequestBody().readAllBytes();
                    calls.computeIfAbsent("late", p -> new AtomicInteger()).incrementAndGet();
                    ex.sendResponseHeaders(204, -1);
                    ex.close();
                });
        lateMerchant.start();

        JsonArray downTimeline = waitDelivered(down);
        JsonArray slowTimeline = waitDelivered(slow);
        JsonArray redirectTimeline = waitDelivered(redirect);
        JsonArray flakyTimeline = waitDelivered(flaky);

        assertFailedThenDelivered(downTimeline, "unreachable", null);
        assertFailedThenDelivered(slowTimeline, "timeout", null);
        for (int i = 0; i < slowTimeline.size() - 1; i++) {
            long ms = slowTimeline.getJsonObject(i).getJsonNumber("durationMs").longValue();
            assertTrue(
                    ms >= CALLBACK_TIMEOUT.toMillis() - 100
                            && ms < CALLBACK_TIMEOUT.toMillis() + 2500,
                    "a slow endpoint is given up on at the timeout: " + ms + " ms");
        }
        assertFailedThenDelivered(redirectTimeline, "redirect-not-followed", 302);
        assertEquals(null, calls.get("/hooks/elsewhere"), "a redirect is never followed");
        assertFailedThenDelivered(flakyTimeline, "http-status", 500);
        assertEquals(3, flakyTimeline.size(), "500, 500, then 204");

        System.out.println(timeline("endpoint answers 500 twice, then 204", flakyTimeline, t0));
        System.out.println(
                timeline("endpoint down (connection refused), then up", downTimeline, t0));
        System.out.println(
                timeline("endpoint slower than the 2 s timeout twice", slowTimeline, t0));
        System.out.println(timeline("endpoint redirects (302) twice", redirectTimeline, t0));
    }

    @Test
    void pendingCallback_serverKilled_isDeliveredAfterTheRestart() throws Exception {
        tenant(List.of(merchant.getAddress().getPort()));
        java.util.concurrent.atomic.AtomicBoolean open =
                new java.util.concurrent.atomic.AtomicBoolean(false);
        behaviour.put("/hooks/gate", n -> open.get() ? 204 : 503);
        long t0 = System.currentTimeMillis();
        String id = paidSession(hook("/hooks/gate"));
        waitForAttempts(id, 1);

        server.kill(); // SIGKILL: no shutdown hook, no flush
        int before = calls.get("/hooks/gate").get();
        open.set(true);
        server = ServerProcess.start(work, port, work.resolve("server-2.log"), settings);

        JsonArray timeline = waitDelivered(id);
        assertFailedThenDelivered(timeline, "http-status", 503);
        assertTrue(calls.get("/hooks/gate").get() > before, "delivered by the restarted server");
        System.out.println(
                timeline("pending at a SIGKILL, delivered after the restart", timeline, t0));
    }

    // ---------------------------------------------------------------------------------------

    private void slowFirst(String path, int slowCalls) {
        behaviour.put(
                path,
                n -> {
                    if (n <= slowCalls) {
                        try {
                            Thread.sleep(CALLBACK_TIMEOUT.toMillis() + 2000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return 204;
                });
    }

    private String hook(String path) {
        return "http://127.0.0.1:" + merchant.getAddress().getPort() + path;
    }

    private void tenant(List<Integer> ports) {
        StringBuilder destinations = new StringBuilder("[");
        for (int p : ports) {
            destinations.append(destinations.length() > 1 ? "," : "");
            destinations.append("\"http://127.0.0.1:").append(p).append("/*\"");
        }
        destinations.append("]");
        sk =
                server.api()
                        .createTenant(
                                "Callback Shop", "[\"https://shop.example\"]", destinations + "")
                        .getString("secretKey");
    }

    /** A session with this callback URL, paid with the Visa test card; returns its id. */
    private String paidSession(String callbackUrl) {
        Api api = server.api();
        Reply created =
                api.postJson(
                        "api/v1/checkout-sessions",
                        "{\"amount\":1999,\"currency\":\"EUR\",\"description\":\"Order 1042\","
                                + "\"successUrl\":\"https://shop.example/thanks\","
                                + "\"cancelUrl\":\"https://shop.example/cart\","
                                + "\"callbackUrl\":\""
                                + callbackUrl
                                + "\"}",
                        "x-api-key",
                        sk);
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        String token = ForwardSupport.token(api, sk, VISA, 12, 2031, "123", null);
        Reply done =
                api.postJson(
                        "api/v1/checkout-sessions/" + id + "/complete",
                        "{\"tokenId\":\"" + token + "\"}",
                        "Origin",
                        "http://127.0.0.1:" + port);
        assertEquals(200, done.status(), done.body());
        return id;
    }

    private JsonObject deliveries(String id) {
        return server.api()
                .send(
                        "GET",
                        "api/v1/checkout-sessions/" + id + "/deliveries",
                        null,
                        "x-api-key",
                        sk)
                .json();
    }

    private void waitForAttempts(String id, int attempts) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            if (deliveries(id).getJsonArray("data").size() >= attempts) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + attempts + " attempts within 60 s: " + deliveries(id));
    }

    /** Waits (at most 90 s) until the session's event is delivered; returns its attempts. */
    private JsonArray waitDelivered(String id) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonObject d = deliveries(id);
        while (System.nanoTime() < end) {
            d = deliveries(id);
            JsonObject event = d.getJsonArray("events").getJsonObject(0);
            if (event.getString("state").equals("delivered")) {
                return d.getJsonArray("data");
            }
            Thread.sleep(250);
        }
        throw new AssertionError("event not delivered within 90 s: " + d);
    }

    private static void assertFailedThenDelivered(
            JsonArray attempts, String error, Integer status) {
        assertTrue(attempts.size() >= 2, "at least one failure, then the delivery: " + attempts);
        for (int i = 0; i < attempts.size(); i++) {
            JsonObject a = attempts.getJsonObject(i);
            assertEquals(i + 1, a.getInt("attempt"));
            boolean last = i == attempts.size() - 1;
            if (last) {
                assertTrue(a.isNull("error"), "delivered: " + a);
                assertEquals(204, a.getInt("status"));
            } else {
                assertEquals(error, a.getString("error"), a.toString());
                if (status == null) {
                    assertTrue(a.isNull("status"), a.toString());
                } else {
                    assertEquals(status.intValue(), a.getInt("status"));
                }
            }
        }
        assertFalse(attempts.toString().contains(VISA));
    }

    private static String timeline(String title, JsonArray attempts, long t0) {
        StringBuilder b =
                new StringBuilder("callback timeline, " + title + " (t=0: first session paid):\n");
        for (int i = 0; i < attempts.size(); i++) {
            JsonObject a = attempts.getJsonObject(i);
            b.append(
                    String.format(
                            "  attempt %d at %s (t+%.1f s): status %s, %d ms, error %s%n",
                            a.getInt("attempt"),
                            a.getString("attemptedAt"),
                            (Instant.parse(a.getString("attemptedAt")).toEpochMilli() - t0)
                                    / 1000.0,
                            a.isNull("status") ? "-" : String.valueOf(a.getInt("status")),
                            a.getJsonNumber("durationMs").longValue(),
                            a.isNull("error") ? "-" : a.getString("error")));
        }
        return b.toString();
    }
}
