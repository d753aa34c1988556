package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cardvault.it.Api.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes of the real bundle on loopback, started with exactly the flags of api.md ("Running
 * several nodes"), sharing the PostgreSQL of {@code .ci/run}: a CVC collected on A forwards from B,
 * one rate limit holds across both, B serves everything after A's {@code kill -9} (including a CVC
 * collected on A, from the grid's backup copy), and A rejoins and serves a token made on B.
 */
class ClusterIT {

    private static final String ADMIN_KEY = "cluster-it-admin-" + UUID.randomUUID();
    private static final int PER_ADDRESS_LIMIT = 10;

    @TempDir Path work;

    private final List<ServerProcess> nodes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (ServerProcess n : nodes) {
            n.kill();
        }
    }

    @Test
    void twoNodes_shareCvcAndLimits_surviveKillOfOne_andRejoin() throws Exception {
        Map<String, String> settings = PostgresSupport.settings(work);
        Assumptions.assumeTrue(
                settings != null,
                "CARDVAULT_TEST_PG_URL not set: the two-node test needs the PostgreSQL that .ci/run"
                        + " starts; skipped");
        try {
            runScenario(settings);
        } catch (Exception | AssertionError e) {
            throw new AssertionError(e.getMessage() + diagnostics(), e);
        }
    }

    /**
     * For the report of a failure: each node's log tail and, for a node still running, where its
     * threads wait (a request that hangs shows its stack). Also written to {@code
     * target/cluster-it-failure.txt}, since a CI log keeps only its last lines.
     */
    private String diagnostics() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            ServerProcess n = nodes.get(i);
            out.append("\n--- node ").append(i == 0 ? "A" : "B").append(" (log tail) ---\n");
            out.append(ServerProcess.tail(n.log()));
            out.append("\n--- node ").append(i == 0 ? "A" : "B").append(" (threads) ---\n");
            out.append(n.threadDump());
        }
        try {
            java.nio.file.Files.writeString(Path.of("target", "cluster-it-failure.txt"), out);
        } catch (java.io.IOException e) {
            out.append("\n(could not write target/cluster-it-failure.txt)");
        }
        return out.toString();
    }

    private void runScenario(Map<String, String> settings) throws Exception {
        PostgresSupport.resetSchema();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        settings.put("CARDVAULT_MASTER_KEY", Base64.getEncoder().encodeToString(key));
        settings.put("CARDVAULT_ADMIN_KEY", ADMIN_KEY);
        settings.put("CARDVAULT_SANDBOX_ENABLED", "true");
        settings.put("CARDVAULT_RATELIMIT_TOKENIZE_PER_ADDRESS", "" + PER_ADDRESS_LIMIT);
        settings.put("CARDVAULT_RATELIMIT_TOKENIZE_PER_KEY", "0");
        settings.put("CARDVAULT_RATELIMIT_TOKENIZE_SECRET_PER_KEY", "0");

        int httpA = ServerProcess.freePort();
        int httpB = ServerProcess.freePort();
        int gridA = ServerProcess.freePort();
        int gridB = ServerProcess.freePort();
        String members = "tcpip:127.0.0.1:" + gridA + ",127.0.0.1:" + gridB;
        String[] flagsA = flags(gridA, members);
        String[] flagsB = flags(gridB, members);
        System.out.println(
                "cluster node A: java -jar war/target/cardvault.jar --port "
                        + httpA
                        + " "
                        + String.join(" ", flagsA));
        System.out.println(
                "cluster node B: java -jar war/target/cardvault.jar --port "
                        + httpB
                        + " "
                        + String.join(" ", flagsB));

        ServerProcess a = launch(httpA, "a-1", settings, flagsA);
        ServerProcess b = launch(httpB, "b-1", settings, flagsB);
        a.awaitReady(work.resolve("a-1.log"));
        b.awaitReady(work.resolve("b-1.log"));
        awaitMembers(a.api(), 2);
        awaitMembers(b.api(), 2);
        // the operator's gauge says the same (loopback is the default metrics network)
        awaitGridMembersMetric(a.api(), 2);
        awaitGridMembersMetric(b.api(), 2);

        String sandboxA = "http://127.0.0.1:" + httpA + "/sandbox/psp/v1/payments";
        String sandboxB = "http://127.0.0.1:" + httpB + "/sandbox/psp/v1/payments";
        JsonObject tenant = createTenant(a.api(), httpA, httpB);
        String sk = tenant.getString("secretKey");
        String pk = tenant.getString("publishableKey");

        // 1. a CVC collected through A forwards through B
        String onA = tokenize(a.api(), sk, "4111111111111111");
        assertEquals(201, payWithCvc(b.api(), sk, onA, sandboxB).status(), "CVC from A via B");

        // 1b. a key revoked through A is refused by B at once, though B has it cached
        Reply issued =
                a.api()
                        .send(
                                "POST",
                                "api/v1/admin/tenants/" + tenant.getString("id") + "/keys",
                                null,
                                "x-admin-key",
                                ADMIN_KEY);
        assertEquals(201, issued.status(), issued.body());
        String doomed = issued.json().getString("secretKey");
        for (int i = 0; i < 3; i++) { // warm both nodes' key caches
            assertEquals(
                    200,
                    b.api()
                            .send("GET", "api/v1/tokens/" + onA, null, "x-api-key", doomed)
                            .status());
            assertEquals(
                    200,
                    a.api()
                            .send("GET", "api/v1/tokens/" + onA, null, "x-api-key", doomed)
                            .status());
        }
        assertEquals(
                204,
                a.api()
                        .send(
                                "DELETE",
                                "api/v1/admin/tenants/"
                                        + tenant.getString("id")
                                        + "/keys/"
                                        + doomed.substring(0, 11),
                                null,
                                "x-admin-key",
                                ADMIN_KEY)
                        .status());
        assertEquals(
                401,
                b.api().send("GET", "api/v1/tokens/" + onA, null, "x-api-key", doomed).status(),
                "a key revoked on A is refused by B on the very next request");

        // 2. one address over both nodes hits one limit
        awaitFreshMinute();
        int accepted = 0;
        int limited = 0;
        for (int i = 0; i < PER_ADDRESS_LIMIT + 6; i++) {
            Api node = i % 2 == 0 ? a.api() : b.api();
            int status =
                    node.postJson(
                                    "api/v1/tokens",
                                    Api.card("5555555555554444", 12, 2031, null),
                                    "x-api-key",
                                    pk)
                            .status();
            if (status == 201) {
                accepted++;
            } else if (status == 429) {
                limited++;
            }
        }
        System.out.println(
                "cluster rate limit: "
                        + accepted
                        + " accepted, "
                        + limited
                        + " limited (limit "
                        + PER_ADDRESS_LIMIT
                        + " per address, spread over both nodes)");
        assertEquals(PER_ADDRESS_LIMIT, accepted, "one shared limit across both nodes");
        assertEquals(6, limited);

        // 3. A dies; B serves every acknowledged token, including a CVC collected on A
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            acknowledged.add(tokenize(i % 2 == 0 ? a.api() : b.api(), sk, "4111111111111111"));
        }
        String cvcOnA = tokenize(a.api(), sk, "5555555555554444");
        a.kill();
        Instant killed = Instant.now();
        Reply viaB = payWithCvc(b.api(), sk, cvcOnA, sandboxB);
        System.out.println(
                "cluster: forward with a CVC collected on A, through B after A's kill -9: "
                        + viaB.status()
                        + " after "
                        + Duration.between(killed, Instant.now()).toMillis()
                        + " ms");
        assertEquals(
                201, viaB.status(), "B forwards the CVC from the grid's backup: " + viaB.body());
        int lost = 0;
        for (String id : acknowledged) {
            if (b.api().send("GET", "api/v1/tokens/" + id, null, "x-api-key", sk).status() != 200
                    || pay(b.api(), sk, id, sandboxB).status() != 201) {
                lost++;
            }
        }
        System.out.println(
                "cluster: after A's kill -9, B lost " + lost + "/" + acknowledged.size());
        assertEquals(0, lost);
        awaitGridMembersMetric(b.api(), 1); // B has noticed that it is alone
        String onB = tokenize(b.api(), sk, "4111111111111111");

        // 4. A restarts, rejoins and serves a token made on B (and its CVC)
        a = ServerProcess.start(work, httpA, work.resolve("a-2.log"), settings, flagsA);
        nodes.set(0, a);
        awaitMembers(a.api(), 2);
        assertEquals(
                200, a.api().send("GET", "api/v1/tokens/" + onB, null, "x-api-key", sk).status());
        assertEquals(201, payWithCvc(a.api(), sk, onB, sandboxA).status(), "CVC from B via A");
    }

    private static String[] flags(int gridPort, String members) {
        return new String[] {
            "--startport", "" + gridPort, "--interfaces", "127.0.0.1", "--clustermode", members
        };
    }

    private ServerProcess launch(int port, String name, Map<String, String> settings, String[] f)
            throws Exception {
        ServerProcess p =
                ServerProcess.launch(work, port, work.resolve(name + ".log"), settings, f);
        nodes.add(p);
        return p;
    }

    /** Waits (bounded) until the node's readiness says the grid has {@code n} members. */
    static void awaitMembers(Api api, int n) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            Reply r = api.send("GET", "health/ready", null);
            last = r.body();
            for (JsonValue check : r.json().getJsonArray("checks")) {
                JsonObject c = check.asJsonObject();
                if ("node".equals(c.getString("name"))
                        && c.containsKey("data")
                        && String.valueOf(n).equals(text(c.getJsonObject("data").get("members")))) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("grid never reached " + n + " members: " + last);
    }

    /** Waits (bounded) until the node's {@code cardvault_grid_members} gauge reads {@code n}. */
    static void awaitGridMembersMetric(Api api, int n) throws InterruptedException {
        java.util.regex.Pattern gauge =
                java.util.regex.Pattern.compile(
                        "(?m)^cardvault_grid_members(?:\\{[^}]*\\})? (\\S+)$");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        String last = "no reading";
        while (Instant.now().isBefore(deadline)) {
            Reply r = api.send("GET", "metrics", null, "Accept", "text/plain");
            java.util.regex.Matcher m = gauge.matcher(r.body());
            boolean found = m.find();
            last = r.status() + (found ? " " + m.group() : " without the gauge");
            if (r.status() == 200 && found && Double.parseDouble(m.group(1)) == n) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("cardvault_grid_members never read " + n + ": " + last);
    }

    /** Payara renders health data values as strings; accept numbers too. */
    private static String text(JsonValue v) {
        return v instanceof jakarta.json.JsonString s ? s.getString() : String.valueOf(v);
    }

    private static void awaitFreshMinute() throws InterruptedException {
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 40_000) {
            Thread.sleep(60_000 - intoMinute + 200);
        }
    }

    private static JsonObject createTenant(Api api, int httpA, int httpB) {
        Reply r =
                api.postJson(
                        "api/v1/admin/tenants",
                        "{\"name\":\"Cluster\",\"allowedOrigins\":[\"https://shop.example\"],"
                                + "\"allowedDestinations\":[\"http://127.0.0.1:"
                                + httpA
                                + "/sandbox/psp/*\",\"http://127.0.0.1:"
                                + httpB
                                + "/sandbox/psp/*\"]}",
                        "x-admin-key",
                        ADMIN_KEY);
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    private static String tokenize(Api api, String sk, String pan) {
        Reply r = api.postJson("api/v1/tokens", Api.card(pan, 12, 2031, "123"), "x-api-key", sk);
        assertEquals(201, r.status(), r.body());
        return r.json().getString("id");
    }

    private static Reply payWithCvc(Api api, String sk, String token, String sandbox) {
        return forward(api, sk, token, sandbox, ",\"cvc\":\"{{ cvc }}\"");
    }

    private static Reply pay(Api api, String sk, String token, String sandbox) {
        return forward(api, sk, token, sandbox, "");
    }

    private static Reply forward(Api api, String sk, String token, String sandbox, String more) {
        return api.send(
                "POST",
                "api/v1/forward",
                "{\"amount\":1999,\"currency\":\"EUR\",\"card\":{\"number\":\"{{ number }}\","
                        + "\"expMonth\":\"{{ expiryMonth | unwrap }}\","
                        + "\"expYear\":\"{{ expiryYear | unwrap }}\""
                        + more
                        + "}}",
                "Content-Type",
                "application/json",
                "x-api-key",
                sk,
                "x-token-id",
                token,
                "x-forward-url",
                sandbox);
    }
}
