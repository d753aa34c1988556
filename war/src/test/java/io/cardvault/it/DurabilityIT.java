package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.it.Api.Reply;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability contract (api.md, "Durability"): a 201 means the token is on disk. The real bundle
 * is killed with SIGKILL the instant after the last 201 (no pause) or at a random moment under 16
 * concurrent clients, restarted on the same data, and every acknowledged token must read and
 * forward. Each round prints lost/acknowledged.
 */
class DurabilityIT {

    private static final String ADMIN_KEY = "durability-it-admin-" + UUID.randomUUID();
    private static final int SEQUENTIAL = 200;
    private static final int CLIENTS = 16;
    private static final int ROUNDS = 5;

    @TempDir Path work;

    private ServerProcess server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.kill();
        }
    }

    @Test
    void embedded_killRightAfterLast201_everyAcknowledgedTokenReadsAndForwards() throws Exception {
        sequentialThenKill("embedded", embeddedSettings());
    }

    @Test
    void postgres_killRightAfterLast201_everyAcknowledgedTokenReadsAndForwards() throws Exception {
        Map<String, String> settings = PostgresSupport.settings(work);
        Assumptions.assumeTrue(
                settings != null, "CARDVAULT_TEST_PG_URL not set: PostgreSQL crash test skipped");
        PostgresSupport.resetSchema();
        settings.putAll(commonSettings());
        sequentialThenKill("postgres", settings);
    }

    /**
     * The forward audit is written ahead and moved into the table in batches: a kill the instant
     * after the last answer must still leave every forward on record, with its outcome.
     */
    @Test
    void embedded_killRightAfterLastForward_everyForwardIsInTheAudit() throws Exception {
        Map<String, String> settings = embeddedSettings();
        int port = ServerProcess.freePort();
        server = ServerProcess.start(work, port, work.resolve("audit-1.log"), settings);
        Tenant tenant = Tenant.create(server.api(), port);
        Reply token =
                server.api()
                        .postJson(
                                "api/v1/tokens",
                                Api.card("5555555555554444", 12, 2031, "123"),
                                "x-api-key",
                                tenant.publishableKey());
        assertEquals(201, token.status(), token.body());
        String id = token.json().getString("id");
        List<String> forwards = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Reply paid = forward(server.api(), tenant, id);
            assertEquals(201, paid.status(), "forward " + i + ": " + paid.body());
            forwards.add(paid.header("x-cardvault-forward-id"));
        }
        server.kill(); // the instant after the last answer
        server = ServerProcess.start(work, port, work.resolve("audit-2.log"), settings);
        Reply audit =
                server.api()
                        .send(
                                "GET",
                                "api/v1/audit?limit=100",
                                null,
                                "x-api-key",
                                tenant.secretKey());
        assertEquals(200, audit.status(), audit.body());
        Map<String, Integer> statusById = new HashMap<>();
        audit.json()
                .getJsonArray("data")
                .forEach(
                        v ->
                                statusById.put(
                                        v.asJsonObject().getString("forwardId"),
                                        v.asJsonObject().getInt("status")));
        List<String> missing = new ArrayList<>();
        for (String f : forwards) {
            if (!Integer.valueOf(201).equals(statusById.get(f))) {
                missing.add(f + "=" + statusById.get(f));
            }
        }
        System.out.println(
                "durability audit (20 forwards, kill -9 right after the last answer): "
                        + missing.size()
                        + "/20 missing or without their outcome");
        assertEquals(List.of(), missing);
    }

    @Test
    void embedded_sixteenClients_killAtRandomMoment_fiveRounds_nothingLost() throws Exception {
        Map<String, String> settings = embeddedSettings();
        int port = ServerProcess.freePort();
        server = ServerProcess.start(work, port, work.resolve("server-0.log"), settings);
        Tenant tenant = Tenant.create(server.api(), port);
        int totalLost = 0;
        int totalAcknowledged = 0;
        List<String> report = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            List<String> acknowledged = loadThenKill(server, tenant, round);
            server =
                    ServerProcess.start(
                            work, port, work.resolve("server-" + round + ".log"), settings);
            List<String> lost = verify(server.api(), tenant, acknowledged);
            String line =
                    "durability round "
                            + round
                            + " (16 clients, kill -9 at a random moment): lost "
                            + lost.size()
                            + "/"
                            + acknowledged.size()
                            + " acknowledged";
            System.out.println(line);
            report.add(line);
            totalLost += lost.size();
            totalAcknowledged += acknowledged.size();
            assertTrue(acknowledged.size() > 0, "round " + round + " acknowledged nothing");
        }
        System.out.println(
                "durability total: lost " + totalLost + "/" + totalAcknowledged + " acknowledged");
        assertEquals(0, totalLost, String.join("\n", report));
    }

    private void sequentialThenKill(String database, Map<String, String> settings)
            throws Exception {
        int port = ServerProcess.freePort();
        server = ServerProcess.start(work, port, work.resolve(database + "-1.log"), settings);
        Tenant tenant = Tenant.create(server.api(), port);
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < SEQUENTIAL; i++) {
            Reply r =
                    server.api()
                            .postJson(
                                    "api/v1/tokens",
                                    Api.card("4111111111111111", 12, 2031, "123"),
                                    "x-api-key",
                                    tenant.publishableKey());
            assertEquals(201, r.status(), "tokenization " + i + ": " + r.body());
            acknowledged.add(r.json().getString("id"));
        }
        server.kill(); // the instant after the last 201: no pause, no shutdown hook
        server = ServerProcess.start(work, port, work.resolve(database + "-2.log"), settings);
        List<String> lost = verify(server.api(), tenant, acknowledged);
        System.out.println(
                "durability "
                        + database
                        + " (200 sequential, kill -9 right after the last 201): lost "
                        + lost.size()
                        + "/"
                        + acknowledged.size()
                        + " acknowledged; lost positions "
                        + positions(acknowledged, lost));
        assertEquals(List.of(), lost, "acknowledged tokens lost on " + database);
    }

    /** 16 clients tokenize until a kill -9 at a random moment; returns every id answered 201. */
    private static List<String> loadThenKill(ServerProcess server, Tenant tenant, int round)
            throws Exception {
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        Instant hardStop = Instant.now().plus(Duration.ofSeconds(20));
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(
                    clients.submit(
                            () -> {
                                for (int i = 0;
                                        i < 2_000
                                                && !stop.get()
                                                && Instant.now().isBefore(hardStop);
                                        i++) {
                                    try {
                                        Reply r =
                                                server.api()
                                                        .postJson(
                                                                "api/v1/tokens",
                                                                Api.card(
                                                                        client % 2 == 0
                                                                                ? "4111111111111111"
                                                                                : "5555555555554444",
                                                                        12,
                                                                        2031,
                                                                        "123"),
                                                                "x-api-key",
                                                                tenant.publishableKey());
                                        if (r.status() == 201) {
                                            acknowledged.add(r.json().getString("id"));
                                        }
                                    } catch (RuntimeException connectionDropped) {
                                        return; // the process is gone
                                    }
                                }
                            }));
        }
        // a random moment after the load is under way (1.5 to 6 s)
        Thread.sleep(1_500 + ThreadLocalRandom.current().nextInt(4_500));
        server.kill();
        stop.set(true);
        for (Future<?> f : running) {
            f.get(60, TimeUnit.SECONDS);
        }
        clients.shutdownNow();
        return new ArrayList<>(acknowledged);
    }

    /** GET and forward every acknowledged token (8 at a time); returns the ones that failed. */
    private static List<String> verify(Api api, Tenant tenant, List<String> acknowledged)
            throws Exception {
        ConcurrentLinkedQueue<String> lost = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> checks = new ArrayList<>();
            for (String id : acknowledged) {
                checks.add(
                        pool.submit(
                                () -> {
                                    readsAndForwards(api, tenant, id)
                                            .ifPresent(
                                                    why -> {
                                                        lost.add(id);
                                                        System.out.println(
                                                                "durability: token "
                                                                        + acknowledged.indexOf(id)
                                                                        + " of "
                                                                        + acknowledged.size()
                                                                        + " fails: "
                                                                        + why);
                                                    });
                                }));
            }
            for (Future<?> f : checks) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(lost);
    }

    /** Empty when the token reads (200) and forwards (201); else what each call answered. */
    private static java.util.Optional<String> readsAndForwards(Api api, Tenant tenant, String id) {
        Reply read = api.send("GET", "api/v1/tokens/" + id, null, "x-api-key", tenant.secretKey());
        if (read.status() != 200) {
            return java.util.Optional.of("GET " + read.status());
        }
        Reply paid = forward(api, tenant, id);
        return paid.status() == 201
                ? java.util.Optional.empty()
                : java.util.Optional.of(
                        "GET 200, forward " + paid.status() + " " + paid.problemType());
    }

    private static Reply forward(Api api, Tenant tenant, String id) {
        return api.send(
                "POST",
                "api/v1/forward",
                "{\"amount\":1999,\"currency\":\"EUR\",\"card\":{\"number\":\"{{ number }}\","
                        + "\"expMonth\":\"{{ expiryMonth | unwrap }}\","
                        + "\"expYear\":\"{{ expiryYear | unwrap }}\"}}",
                "Content-Type",
                "application/json",
                "x-api-key",
                tenant.secretKey(),
                "x-token-id",
                id,
                "x-forward-url",
                tenant.sandbox());
    }

    private static String positions(List<String> acknowledged, List<String> lost) {
        List<Integer> at = new ArrayList<>();
        for (String id : lost) {
            at.add(acknowledged.indexOf(id));
        }
        at.sort(null);
        return at.toString();
    }

    private Map<String, String> embeddedSettings() {
        Map<String, String> settings = commonSettings();
        settings.put("CARDVAULT_DATA_DIR", work.resolve("data").toString());
        settings.put("CARDVAULT_DEMO", "false");
        return settings;
    }

    private static Map<String, String> commonSettings() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> settings = new HashMap<>();
        settings.put("CARDVAULT_MASTER_KEY", Base64.getEncoder().encodeToString(key));
        settings.put("CARDVAULT_ADMIN_KEY", ADMIN_KEY);
        settings.put("CARDVAULT_SANDBOX_ENABLED", "true");
        settings.put("CARDVAULT_RATELIMIT_TOKENIZE_PER_ADDRESS", "0");
        settings.put("CARDVAULT_RATELIMIT_TOKENIZE_PER_KEY", "0");
        return settings;
    }

    /** A tenant made through the admin API that may forward to the built-in sandbox PSP. */
    record Tenant(String publishableKey, String secretKey, String sandbox) {
        static Tenant create(Api api, int port) {
            String sandbox = "http://127.0.0.1:" + port + "/sandbox/psp/v1/payments";
            Reply r =
                    api.postJson(
                            "api/v1/admin/tenants",
                            "{\"name\":\"Durable\",\"allowedOrigins\":[\"https://shop.example\"],"
                                    + "\"allowedDestinations\":[\"http://127.0.0.1:"
                                    + port
                                    + "/sandbox/psp/*\"]}",
                            "x-admin-key",
                            ADMIN_KEY);
            assertEquals(201, r.status(), r.body());
            return new Tenant(
                    r.json().getString("publishableKey"), r.json().getString("secretKey"), sandbox);
        }
    }
}
