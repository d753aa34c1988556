package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.it.Api.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM under load: readiness goes down first, new requests get 503 problem+json with {@code
 * Retry-After}, requests in flight finish, the process exits within 30 s and nothing acknowledged
 * is lost. Clients behave like a load balancer: after a node's first 503 they send it nothing more
 * (once the application is undeployed, Payara itself answers until its listener closes). And the
 * faults: a database that cannot be reached makes the node not ready (with the reason, no secret)
 * and requests 503, never 500 and never a hang; a wrong {@code --clustermode} stops the start-up
 * with a clear message.
 */
class GracefulShutdownIT {

    private static final String ADMIN_KEY = "shutdown-it-admin-" + UUID.randomUUID();

    @TempDir Path work;

    private ServerProcess server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.kill();
        }
    }

    @Test
    void sigterm_underLoad_drainsThenExits_nothingAcknowledgedLost() throws Exception {
        Map<String, String> settings = settings();
        settings.put("CARDVAULT_SHUTDOWN_DRAIN_DELAY", "PT3S");
        int port = ServerProcess.freePort();
        server = ServerProcess.start(work, port, work.resolve("server-1.log"), settings);
        Api api = server.api();
        DurabilityIT.Tenant tenant = tenant(api, port);

        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> badRefusals = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        Instant hardStop = Instant.now().plus(Duration.ofSeconds(60));
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            running.add(
                    clients.submit(
                            () -> {
                                // like a load balancer: a client sends the node nothing more
                                // after its first 503 (the node is leaving)
                                boolean refused = false;
                                for (int i = 0;
                                        i < 5_000
                                                && !refused
                                                && !stop.get()
                                                && Instant.now().isBefore(hardStop);
                                        i++) {
                                    try {
                                        Reply r =
                                                api.postJson(
                                                        "api/v1/tokens",
                                                        Api.card(
                                                                "4111111111111111", 12, 2031, null),
                                                        "x-api-key",
                                                        tenant.publishableKey());
                                        statuses.merge(r.status(), 1, Integer::sum);
                                        refused = r.status() == 503;
                                        if (r.status() == 201) {
                                            acknowledged.add(r.json().getString("id"));
                                        } else if (r.status() != 503
                                                || r.header("Retry-After") == null
                                                || !r.header("Content-Type")
                                                        .startsWith("application/problem+json")) {
                                            badRefusals.add(r.status() + " " + r.body());
                                        }
                                    } catch (RuntimeException closed) {
                                        // the listener is gone: the node has left
                                        refused = true;
                                    }
                                }
                            }));
        }
        Thread.sleep(2_000);
        Instant term = Instant.now();
        server.terminate();
        // readiness goes down first
        boolean notReadySeen = false;
        while (server.process().isAlive()
                && Duration.between(term, Instant.now()).toSeconds() < 5) {
            try {
                if (api.send("GET", "health/ready", null).status() == 503) {
                    notReadySeen = true;
                    break;
                }
            } catch (RuntimeException gone) {
                break;
            }
            Thread.sleep(100);
        }
        boolean exited = server.process().waitFor(30, TimeUnit.SECONDS);
        Duration toExit = Duration.between(term, Instant.now());
        stop.set(true);
        for (Future<?> f : running) {
            f.get(60, TimeUnit.SECONDS);
        }
        clients.shutdownNow();
        System.out.println(
                "graceful shutdown: exit "
                        + toExit.toMillis()
                        + " ms after SIGTERM; statuses "
                        + statuses
                        + "; readiness 503 seen: "
                        + notReadySeen);
        assertTrue(exited, "exits within 30 s of SIGTERM");
        assertEquals(List.of(), new ArrayList<>(badRefusals), "refusals are 503 problem+json");
        assertTrue(notReadySeen, "readiness went down before the process exited");
        assertTrue(statuses.getOrDefault(503, 0) > 0, "new requests were refused with 503");

        server = ServerProcess.start(work, port, work.resolve("server-2.log"), settings);
        int lost = 0;
        for (String id : acknowledged) {
            if (server.api()
                            .send(
                                    "GET",
                                    "api/v1/tokens/" + id,
                                    null,
                                    "x-api-key",
                                    tenant.secretKey())
                            .status()
                    != 200) {
                lost++;
            }
        }
        System.out.println(
                "graceful shutdown: lost " + lost + "/" + acknowledged.size() + " acknowledged");
        assertEquals(0, lost);
    }

    @Test
    void databaseUnreachable_notReadyWithReason_requests503_neverHang() throws Exception {
        Map<String, String> settings = settings();
        int dbPort = ServerProcess.freePort();
        // the database goes away under a running node: PostgreSQL behind a relay the test cuts
        Map<String, String> pg = PostgresSupport.settings(work);
        org.junit.jupiter.api.Assumptions.assumeTrue(
                pg != null, "CARDVAULT_TEST_PG_URL not set: database-fault test skipped");
        PostgresSupport.resetSchema();
        settings.putAll(pg);
        try (TcpRelay relay = TcpRelay.to(PostgresSupport.url(), dbPort)) {
            settings.put("CARDVAULT_DB_URL", relay.jdbcUrl());
            int port = ServerProcess.freePort();
            server = ServerProcess.start(work, port, work.resolve("fault.log"), settings);
            DurabilityIT.Tenant tenant = tenant(server.api(), port);
            relay.cut();
            Instant start = Instant.now();
            Reply ready = server.api().send("GET", "health/ready", null);
            Reply token =
                    server.api()
                            .postJson(
                                    "api/v1/tokens",
                                    Api.card("4111111111111111", 12, 2031, null),
                                    "x-api-key",
                                    tenant.secretKey());
            Duration took = Duration.between(start, Instant.now());
            System.out.println(
                    "database cut: readiness "
                            + ready.status()
                            + " "
                            + ready.body()
                            + "; tokenize "
                            + token.status()
                            + " in "
                            + took.toMillis()
                            + " ms");
            assertEquals(503, ready.status());
            assertTrue(ready.body().contains("database unreachable"), ready.body());
            assertFalse(ready.body().contains("jdbc:"), "no URL in readiness");
            assertFalse(ready.body().contains(PostgresSupport.password() + "\""), "no secret");
            assertEquals(503, token.status(), token.body());
            assertTrue(token.header("Content-Type").startsWith("application/problem+json"));
            assertTrue(token.header("Retry-After") != null);
            assertTrue(took.toSeconds() < 30, "answers in bounded time");
            relay.restore();
            Instant back = Instant.now().plus(Duration.ofSeconds(60));
            int status = 0;
            while (Instant.now().isBefore(back) && status != 200) {
                status = server.api().send("GET", "health/ready", null).status();
                Thread.sleep(500);
            }
            assertEquals(200, status, "ready again once the database is back");
        }
    }

    @Test
    void wrongClusterMode_stopsStartUpWithClearMessage() throws Exception {
        Path log = work.resolve("bad-mode.log");
        ServerProcess bad =
                ServerProcess.launch(
                        work,
                        ServerProcess.freePort(),
                        log,
                        settings(),
                        "--clustermode",
                        "multicast:224.2.2.3:2904");
        assertTrue(bad.process().waitFor(60, TimeUnit.SECONDS), "start-up stops");
        assertEquals(2, bad.process().exitValue());
        String text = Files.readString(log);
        assertTrue(text.contains("invalid --clustermode"), text);
        assertTrue(text.contains("tcpip:<host>:<port>"), text);
    }

    private static DurabilityIT.Tenant tenant(Api api, int port) {
        Reply r =
                api.postJson(
                        "api/v1/admin/tenants",
                        "{\"name\":\"Shutdown\",\"allowedOrigins\":[\"https://shop.example\"],"
                                + "\"allowedDestinations\":[]}",
                        "x-admin-key",
                        ADMIN_KEY);
        assertEquals(201, r.status(), r.body());
        return new DurabilityIT.Tenant(
                r.json().getString("publishableKey"), r.json().getString("secretKey"), "");
    }

    private Map<String, String> settings() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> s = new HashMap<>();
        s.put("CARDVAULT_DATA_DIR", work.resolve("data").toString());
        s.put("CARDVAULT_DEMO", "false");
        s.put("CARDVAULT_MASTER_KEY", Base64.getEncoder().encodeToString(key));
        s.put("CARDVAULT_ADMIN_KEY", ADMIN_KEY);
        s.put("CARDVAULT_RATELIMIT_TOKENIZE_PER_ADDRESS", "0");
        s.put("CARDVAULT_RATELIMIT_TOKENIZE_PER_KEY", "0");
        return s;
    }
}
