package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP edge of the runnable bundle under abuse (issue 10 #6, #17, #19), one server for the
 * class, started with the documented defaults for everything these tests measure.
 */
class EdgeHardeningIT {

    /** The documented defaults (docs/configuration.md): cardvault.http.body-read-timeout. */
    static final Duration BODY_READ_TIMEOUT = Duration.ofSeconds(10);

    static Path work;
    static ServerProcess server;
    static int port;
    static String sk;
    static Path log;

    @BeforeAll
    static void start() throws Exception {
        work = Files.createTempDirectory("cardvault-edge-");
        port = ServerProcess.freePort();
        log = work.resolve("server.log");
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        server =
                ServerProcess.start(
                        work,
                        port,
                        log,
                        Map.of(
                                "CARDVAULT_DATA_DIR",
                                work.resolve("data").toString(),
                                "CARDVAULT_DEMO",
                                "false",
                                "CARDVAULT_MASTER_KEY",
                                Base64.getEncoder().encodeToString(k),
                                "CARDVAULT_ADMIN_KEY",
                                Api.ADMIN_KEY,
                                "CARDVAULT_SANDBOX_ENABLED",
                                "true",
                                "CARDVAULT_METRICS_KEY",
                                METRICS_KEY,
                                // the operator network is elsewhere: this loopback client is not on
                                // it
                                "CARDVAULT_METRICS_NETWORKS",
                                "10.99.0.0/16"));
        sk =
                server.api()
                        .createTenant(
                                "Edge Shop",
                                "[\"https://shop.example\"]",
                                "[\"http://127.0.0.1:" + port + "/sandbox/psp/*\"]")
                        .getString("secretKey");
    }

    static final String METRICS_KEY = "it-metrics-key-0123456789";

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One slow sender: headers announcing 100 kB, then one byte now and then. */
    static final class SlowBody {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final long started = System.nanoTime();
        long cutAfterMillis = -1;
        String answer = "";

        SlowBody(String path, String... headers) throws IOException {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(2000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            StringBuilder req = new StringBuilder("POST " + path + " HTTP/1.1\r\n");
            req.append("Host: 127.0.0.1:").append(port).append("\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                req.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            req.append("Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{");
            out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        boolean cut() {
            return cutAfterMillis >= 0;
        }

        /** Notes an answer (or a closed connection) without sending anything. */
        void poll() {
            if (cut()) {
                return;
            }
            try {
                if (in.available() > 0) {
                    markCut();
                }
            } catch (IOException closed) {
                markCut();
            }
        }

        /** Sends one more byte unless the server has answered or closed the connection. */
        void trickle() {
            if (cut()) {
                return;
            }
            try {
                if (in.available() > 0) {
                    markCut();
                    return;
                }
                out.write(' ');
                out.flush();
            } catch (IOException closed) {
                markCut();
            }
        }

        void markCut() {
            cutAfterMillis = (System.nanoTime() - started) / 1_000_000;
            try {
                byte[] head = new byte[512];
                int n = in.read(head);
                answer = n <= 0 ? "(closed)" : new String(head, 0, n, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                answer = "(closed: " + e.getClass().getSimpleName() + ")";
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // test clean-up
            }
        }
    }

    @Test
    void slowBodies_210Connections_healthAndTokenizationStayFast_slowBodiesCut() throws Exception {
        // unauthenticated: refused before the body is read, at once, and the connection closed
        SlowBody noKey = new SlowBody("/api/v1/forward", "x-forward-url", sandboxUrl());
        String refused = readHead(noKey);
        noKey.close();
        assertTrue(refused.startsWith("HTTP/1.1 401"), "no key -> 401 at once: " + refused);
        assertTrue(refused.toLowerCase().contains("application/problem+json"), refused);

        List<SlowBody> slow = new ArrayList<>();
        String checks;
        int pendingAtCheck;
        try {
            for (int i = 0; i < 150; i++) {
                slow.add(
                        new SlowBody(
                                "/api/v1/forward", "x-api-key", sk, "x-forward-url", sandboxUrl()));
            }
            for (int i = 0; i < 60; i++) {
                slow.add(new SlowBody("/sandbox/psp/v1/payments"));
            }
            Thread.sleep(500);
            slow.forEach(SlowBody::trickle);
            pendingAtCheck = (int) slow.stream().filter(s -> !s.cut()).count();

            // during the attack: liveness and a tokenization answer promptly
            checks = probe("GET", "/health/live", null, null) + "; ";
            checks +=
                    probe(
                            "POST",
                            "/api/v1/tokens",
                            Api.card("4111111111111111", 12, 2030, "123"),
                            sk);

            // one byte every 3 s per connection; answers looked for every 250 ms; 30 s at most
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long nextByte = System.nanoTime();
            while (System.nanoTime() < end && slow.stream().anyMatch(s -> !s.cut())) {
                Thread.sleep(250);
                slow.forEach(SlowBody::poll);
                if (System.nanoTime() >= nextByte) {
                    slow.forEach(SlowBody::trickle);
                    nextByte = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        } finally {
            slow.forEach(SlowBody::close);
        }
        System.out.println("slow-body attack: " + checks);
        assertTrue(
                pendingAtCheck >= 200, "the attack was live during the checks: " + pendingAtCheck);
        assertTrue(checks.startsWith("GET /health/live -> 200"), checks);
        assertTrue(checks.contains("POST /api/v1/tokens -> 201"), checks);
        assertTrue(!checks.contains("SLOW") && !checks.contains("TIMEOUT"), checks);
        long limit = BODY_READ_TIMEOUT.toMillis() + 3000;
        long latest = 0;
        int answered408 = 0;
        for (SlowBody s : slow) {
            assertTrue(s.cut(), "slow body not cut within 30 s");
            latest = Math.max(latest, s.cutAfterMillis);
            assertTrue(
                    s.answer.startsWith("HTTP/1.1 408") || s.answer.startsWith("(closed"),
                    "cut with 408 or a closed connection: " + s.answer);
            if (s.answer.startsWith("HTTP/1.1 408")) {
                answered408++;
            }
        }
        assertTrue(answered408 > 0, "the cut is explained with 408 request-timeout");
        System.out.println(
                "slow bodies: all 210 cut, "
                        + answered408
                        + " with 408, the last after "
                        + latest
                        + " ms");
        assertTrue(latest <= limit, "cut within the read timeout: " + latest + " ms");
    }

    @Test
    void nonAsciiHeaderValue_400ProblemJson() throws Exception {
        for (String path : List.of("/api/v1/tokens/tok_x", "/health/live", "/fields/field.html")) {
            byte[] req =
                    ("GET "
                                    + path
                                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Note: caf\u00c3\u00a9 \u00e9"
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1);
            String answer = raw(req);
            assertTrue(answer.startsWith("HTTP/1.1 400"), path + ": " + answer);
            assertTrue(
                    answer.toLowerCase().contains("content-type: application/problem+json"),
                    path + ": " + answer);
            assertTrue(answer.contains("\"code\":\"malformed-request\""), path + ": " + answer);
            assertTrue(answer.contains("\"status\":400"), answer);
        }
    }

    /**
     * Grizzly's URI decoder throws on a stray {@code %} inside Payara's CoyoteAdapter, before any
     * filter of the application (an empty 200 and a stack trace, issue 10 #17); the bundle's edge
     * filter escapes it and marks the request, and the application answers the problem (and, like
     * for any 400, Grizzly closes the connection after it).
     */
    @Test
    void undecodablePercentEscape_400ProblemJson() throws Exception {
        long before = Files.readAllLines(log, StandardCharsets.ISO_8859_1).size();
        for (String path :
                List.of(
                        "/api/v1/tokens/%ZZ",
                        "/api/v1/tokens/tok%",
                        "/fields/%g1.html",
                        "/api/v1/tokens/%C3%28",
                        "/api/v1/tokens/%C0%AE",
                        "/api/v1/tokens/%00",
                        "/api/v1/tokens/a%5Cb",
                        "/%2e%2e/api/v1/tokens/x")) {
            String answer =
                    raw(
                            ("GET "
                                            + path
                                            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nx-request-id: edge-17"
                                            + "\r\nConnection: close\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
            assertTrue(answer.startsWith("HTTP/1.1 400"), path + ": " + answer);
            assertTrue(
                    answer.toLowerCase().contains("content-type: application/problem+json"),
                    path + ": " + answer);
            assertTrue(answer.contains("\"code\":\"malformed-request\""), path + ": " + answer);
            assertTrue(answer.contains("\"status\":400"), answer);
            assertTrue(answer.contains("/problems/malformed-request\""), answer);
            assertTrue(answer.contains("\"requestId\":\"edge-17\""), answer);
            assertTrue(answer.toLowerCase().contains("x-request-id: edge-17"), answer);
        }

        // a request with a body: answered the same, the body is not read by anyone
        String post =
                raw(
                        ("POST /api/v1/tokens/%ZZ/cvc HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                        + "Content-Type: application/json\r\nContent-Length: 2\r\n"
                                        + "Connection: close\r\n\r\n{}")
                                .getBytes(StandardCharsets.US_ASCII));
        assertTrue(post.startsWith("HTTP/1.1 400"), post);
        assertTrue(post.contains("\"code\":\"malformed-request\""), post);

        // a well-formed escape is still decoded as before: an unknown token, not a malformed
        // request
        String escaped =
                raw(
                        ("GET /api/v1/tokens/%41%42 HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: "
                                        + sk
                                        + "\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
        assertTrue(escaped.startsWith("HTTP/1.1 404"), escaped);
        assertTrue(escaped.contains("\"code\":\"token-not-found\""), escaped);

        Thread.sleep(500);
        List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        String added = String.join("\n", all.subList((int) before, all.size()));
        assertFalse(added.contains("\tat "), "no stack trace:\n" + added);
        assertFalse(added.contains("URLDecoder"), added);
    }

    @Test
    void clientDisconnects_midBodyAndMidResponse_noStackTracesInTheLog() throws Exception {
        long before = Files.readAllLines(log, StandardCharsets.ISO_8859_1).size();
        for (int i = 0; i < 10; i++) {
            abortMidBody(
                    "POST /sandbox/psp/v1/payments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"amount\":");
            abortMidBody(
                    "POST /api/v1/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: "
                            + sk
                            + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"number\":");
            abortMidResponse("/openapi");
        }
        Thread.sleep(2000);
        List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        List<String> added = all.subList((int) before, all.size());
        String text = String.join("\n", added);
        assertFalse(text.contains("\tat "), "no stack trace for a client that went away:\n" + text);
        assertTrue(added.size() <= 30, "one line per disconnect at most:\n" + text);
        // the server is still fine
        assertTrue(probe("GET", "/health/live", null, null).contains("-> 200"));
    }

    @Test
    void metrics_onlyForTheOperatorKeyOrNetwork_openapiPublic() throws Exception {
        Api api = server.api();
        Api.Reply anonymous = api.send("GET", "metrics", null);
        assertEquals(403, anonymous.status(), anonymous.body());
        assertEquals("application/problem+json", anonymous.header("Content-Type").split(";")[0]);
        assertEquals("operator-only", anonymous.problemType());
        assertFalse(anonymous.body().contains("# TYPE"));
        assertEquals(403, api.send("GET", "metrics/base", null).status());
        assertEquals(
                403,
                api.send("GET", "metrics", null, "Authorization", "Bearer wrong-key-0123456789")
                        .status());
        // a proxy in front does not make a request local
        assertEquals(
                403, api.send("GET", "metrics", null, "X-Forwarded-For", "10.99.0.7").status());

        Api.Reply bearer =
                api.send("GET", "metrics", null, "Authorization", "Bearer " + METRICS_KEY);
        assertEquals(200, bearer.status(), bearer.body());
        assertTrue(bearer.body().contains("# TYPE"), "Prometheus text");
        assertEquals(200, api.send("GET", "metrics", null, "x-metrics-key", METRICS_KEY).status());

        // a tokenization (body read by the async body intake) lands in its request timer, tagged
        // with the status class only
        assertEquals(
                201,
                api.postJson(
                                "api/v1/tokens",
                                Api.card("4111111111111111", 12, 2030, null),
                                "x-api-key",
                                sk)
                        .status());
        String text =
                api.send(
                                "GET",
                                "metrics",
                                null,
                                "x-metrics-key",
                                METRICS_KEY,
                                "Accept",
                                "text/plain")
                        .body();
        java.util.regex.Matcher count =
                java.util.regex.Pattern.compile(
                                "(?m)^cardvault_tokenizations_seconds_count\\{[^}]*status=\"2xx\"[^}]*\\} (\\S+)$")
                        .matcher(text);
        assertTrue(count.find(), "the tokenization timer is in /metrics");
        assertTrue(Double.parseDouble(count.group(1)) >= 1, count.group());
        // the rest of the operator's application set (docs/operations.md, "Metrics")
        for (String gauge :
                List.of(
                        "cardvault_grid_members\\{[^}]*\\} 1(\\.0)?", // this node is alone
                        "cardvault_db_connections_active\\{[^}]*\\} \\d+(\\.0)?",
                        "cardvault_db_connections_max\\{[^}]*\\} [1-9]\\d*(\\.0)?",
                        "cardvault_cvc_store_entries\\{[^}]*\\} \\d+(\\.0)?",
                        "cardvault_ratelimit_rejections_total\\{[^}]*operation=\"tokenize\"[^}]*\\} \\S+")) {
            assertTrue(
                    java.util.regex.Pattern.compile("(?m)^" + gauge + "$").matcher(text).find(),
                    gauge + " in /metrics");
        }
        assertFalse(text.contains("4111111111111111"), "no card number in /metrics");
        assertFalse(text.contains(sk), "no key in /metrics");

        // the API description is public by design (docs/operations.md)
        assertEquals(200, api.send("GET", "openapi", null).status());
    }

    static String raw(byte[] request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Sends part of a body, then resets the connection. */
    static void abortMidBody(String head) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            Thread.sleep(200);
            s.setSoLinger(true, 0);
        }
    }

    /** Reads a few bytes of a response, then resets the connection. */
    static void abortMidResponse(String path) throws Exception {
        try (Socket s = new Socket()) {
            s.setReceiveBufferSize(1024);
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(30_000);
            s.getOutputStream()
                    .write(
                            ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.getInputStream().read(new byte[16]);
            s.setSoLinger(true, 0);
        }
    }

    static String sandboxUrl() {
        return "http://127.0.0.1:" + port + "/sandbox/psp/v1/payments";
    }

    static String readHead(SlowBody s) {
        try {
            byte[] head = new byte[1024];
            int n = s.in.read(head);
            return n <= 0 ? "(closed)" : new String(head, 0, n, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "(no answer: " + e.getClass().getSimpleName() + ")";
        }
    }

    /** "METHOD path -> status in N ms", or TIMEOUT/SLOW: a request that must answer within 2 s. */
    static String probe(String method, String path, String json, String apiKey) {
        HttpClient client =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(2))
                        .build();
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(2))
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (apiKey != null) {
            b.header("x-api-key", apiKey);
        }
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            return method
                    + " "
                    + path
                    + " -> "
                    + r.statusCode()
                    + " in "
                    + ms
                    + " ms"
                    + (ms > 2000 ? " SLOW" : "");
        } catch (IOException e) {
            return method + " " + path + " -> TIMEOUT (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return method + " " + path + " -> interrupted";
        }
    }
}
