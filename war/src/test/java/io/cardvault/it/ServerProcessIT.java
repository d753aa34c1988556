package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.it.Api.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the runnable bundle exactly as the README does ({@code java -jar war/target/cardvault.jar}),
 * kills it with SIGKILL and restarts it on the same data directory: every token acknowledged with
 * 201 must still be there. The captured server log and the database files are then scanned for the
 * test card numbers used — any hit is a card-data leak.
 */
class ServerProcessIT {

    static final String[] TEST_PANS = {
        "4000000000000002",
        "4111111111111111",
        "5555555555554444",
        "378282246310005",
        "4111111111111112"
    };

    @TempDir Path work;

    ServerProcess server;

    private Path currentLog;

    /** A failure while the server is up (a request that timed out) carries its threads and log. */
    @RegisterExtension
    final TestExecutionExceptionHandler diagnosis =
            (context, thrown) -> {
                if (server != null && server.process().isAlive()) {
                    thrown.addSuppressed(
                            new AssertionError(
                                    "server threads at the failure:\n"
                                            + server.threadDump()
                                            + "\nlast lines of the server log:\n"
                                            + ServerProcess.tail(currentLog)));
                }
                throw thrown;
            };

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.kill();
        }
    }

    @Test
    void killMinus9_acknowledgedTokensSurviveRestart_andNothingLeaks() throws Exception {
        Path data = work.resolve("data");
        int port = ServerProcess.freePort();
        Path log1 = work.resolve("server-1.log");
        Api api = start(data, port, log1);
        Properties demo = demoKeys(data);
        for (String secretFile : List.of("master.key", "demo.env")) {
            assertEquals(
                    "rw-------",
                    java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(data.resolve(secretFile))),
                    secretFile + " must be readable by its owner only");
        }
        String sk = demo.getProperty("CARDVAULT_DEMO_SK");
        String pk = demo.getProperty("CARDVAULT_DEMO_PK");

        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String pan =
                    i % 3 == 0
                            ? "4111 1111 1111 1111"
                            : i % 3 == 1 ? "5555-5555-5555-4444" : "378282246310005";
            String cvc = i % 3 == 2 ? "1234" : "123";
            Reply r =
                    api.postJson(
                            "api/v1/tokens",
                            "{\"number\":\""
                                    + pan
                                    + "\",\"expiryMonth\":12,\"expiryYear\":2031,\"cvc\":\""
                                    + cvc
                                    + "\",\"holderName\":\"Jane Doe\"}",
                            "x-api-key",
                            i % 2 == 0 ? pk : sk);
            assertEquals(201, r.status());
            acknowledged.add(r.json().getString("id"));
        }
        // forwarding: a payment through the sandbox PSP, a decline, a broken placeholder
        String sandbox = "http://127.0.0.1:" + port + "/sandbox/psp/v1/payments";
        String payment =
                "{\"amount\":1999,\"currency\":\"EUR\",\"card\":{\"number\":\"{{ number }}\","
                        + "\"expMonth\":\"{{ expiryMonth | unwrap }}\",\"expYear\":\"{{ expiryYear | unwrap }}\","
                        + "\"cvc\":\"{{ cvc }}\"}}";
        Reply paid =
                api.send(
                        "POST",
                        "api/v1/forward",
                        payment,
                        "Content-Type",
                        "application/json",
                        "x-api-key",
                        sk,
                        "x-token-id",
                        acknowledged.get(1),
                        "x-forward-url",
                        sandbox);
        assertEquals(201, paid.status(), "sandbox payment through the proxy");
        assertEquals("approved", paid.json().getString("status"));
        Reply broken =
                api.send(
                        "POST",
                        "api/v1/forward",
                        "{\"n\":\"{{ number | nope }}\"}",
                        "Content-Type",
                        "application/json",
                        "x-api-key",
                        sk,
                        "x-token-id",
                        acknowledged.get(3),
                        "x-forward-url",
                        sandbox);
        assertEquals(400, broken.status());
        String declined =
                "{\"amount\":1999,\"currency\":\"EUR\",\"card\":{\"number\":\"4000000000000002\","
                        + "\"expMonth\":12,\"expYear\":2031}}";
        assertEquals(
                402,
                api.send(
                                "POST",
                                "sandbox/psp/v1/payments",
                                declined,
                                "Content-Type",
                                "application/json")
                        .status());

        // failures that carry card data in their input must not put it in the log either
        assertEquals(
                422,
                api.postJson(
                                "api/v1/tokens",
                                Api.card("4111111111111112", 12, 2031, null),
                                "x-api-key",
                                sk)
                        .status());
        assertEquals(
                400,
                api.postJson("api/v1/tokens", "{\"number\":\"4111111111111111\",", "x-api-key", sk)
                        .status());
        assertEquals(
                401,
                api.postJson(
                                "api/v1/tokens",
                                Api.card("4111111111111111", 12, 2031, null),
                                "x-api-key",
                                "nope")
                        .status());

        server.kill();
        Api restarted = start(data, port, work.resolve("server-2.log"));
        for (String id : acknowledged) {
            Reply r = restarted.send("GET", "api/v1/tokens/" + id, null, "x-api-key", sk);
            assertEquals(200, r.status(), "token acknowledged before kill -9 must survive");
            assertFalse(
                    r.json().getJsonObject("card").getBoolean("cvcAvailable"),
                    "a CVC never survives a restart");
        }
        server.close();

        for (Path log : List.of(log1, work.resolve("server-2.log"))) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            assertTrue(text.contains("DEMO MODE"), "the log was captured");
            assertNoPan(text, "server log " + log.getFileName());
        }
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertNoPan(
                        new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1),
                        "data file " + f.getFileName());
            }
        }
    }

    @Test
    void singleNode_listensOnlyOnHttp_keysOnlyInDemoEnv_databaseOwnerOnly() throws Exception {
        Path data = work.resolve("data");
        int port = ServerProcess.freePort();
        Path log = work.resolve("server.log");
        String adminKey = "it-operator-key-0123456789";
        currentLog = log;
        server =
                ServerProcess.start(
                        work,
                        port,
                        log,
                        Map.of(
                                "CARDVAULT_DATA_DIR",
                                data.toString(),
                                "CARDVAULT_ADMIN_KEY",
                                adminKey));

        assertEquals(
                Set.of(port),
                listeningPorts(server.pid()),
                "a single node listens on its HTTP port only (no data-grid port)");

        Properties demo = demoKeys(data);
        assertEquals(
                adminKey, demo.getProperty("CARDVAULT_ADMIN_KEY"), "demo.env: the effective key");

        // issue 15 #9: the field frame says who may frame it with CSP alone (Payara's blanket
        // X-Frame-Options: SAMEORIGIN is off); every other page may not be framed at all
        var field =
                server.api()
                        .send(
                                "GET",
                                "fields/field.html?key="
                                        + demo.getProperty("CARDVAULT_DEMO_PK")
                                        + "&field=number",
                                null);
        assertEquals(200, field.status());
        assertEquals(
                null, field.header("X-Frame-Options"), "field frame: CSP frame-ancestors only");
        assertTrue(field.header("Content-Security-Policy").contains("frame-ancestors"));
        assertEquals("DENY", server.api().send("GET", "demo/", null).header("X-Frame-Options"));
        String text = Files.readString(log, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("DEMO MODE"), "the log was captured");
        assertFalse(text.contains(demo.getProperty("CARDVAULT_DEMO_SK")), "secret key in the log");
        assertFalse(text.contains(adminKey), "admin key in the log");

        try (Stream<Path> files = Files.list(data)) {
            for (Path f :
                    files.filter(f -> f.getFileName().toString().startsWith("cardvault."))
                            .toList()) {
                assertEquals(
                        "rw-------",
                        java.nio.file.attribute.PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(f)),
                        f.getFileName() + " must be readable by its owner only");
            }
        }
    }

    /** TCP ports in LISTEN state whose socket belongs to the process (from /proc). */
    private static Set<Integer> listeningPorts(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away
                }
            }
        }
        Set<Integer> ports = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line :
                    Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[3].equals("0A") && inodes.contains(f[9])) {
                    String local = f[1];
                    ports.add(Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

    private static void assertNoPan(String text, String where) {
        for (int i = 0; i < TEST_PANS.length; i++) {
            assertFalse(text.contains(TEST_PANS[i]), "test PAN #" + i + " found in " + where);
        }
        assertFalse(text.contains("4111 1111 1111 1111"), "spaced test PAN found in " + where);
        assertFalse(text.contains("5555-5555-5555-4444"), "dashed test PAN found in " + where);
    }

    private Api start(Path data, int port, Path log) throws Exception {
        currentLog = log;
        server =
                ServerProcess.start(work, port, log, Map.of("CARDVAULT_DATA_DIR", data.toString()));
        return server.api();
    }

    private static Properties demoKeys(Path data) throws IOException {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(data.resolve("demo.env"))) {
            p.load(r);
        }
        return p;
    }
}
