package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.it.Api.Reply;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Support for running cardvault.war on a full application server unpacked by Maven under {@code
 * target/servers} (Payara Server, WildFly): child processes that are always killed, free loopback
 * ports, and the smoke test both servers must pass.
 */
final class AppServer implements AutoCloseable {

    /**
     * JIT and GC settings for every JVM the tests start (servers and their command-line clients):
     * start-up on a small, shared machine is dominated by the C2 compiler and parallel GC threads.
     * For the tests only; docs/deployment.md does not ask operators for them.
     */
    static final String TEST_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private final List<ProcessHandle> processes = new ArrayList<>();
    private final Set<Integer> reserved = new HashSet<>();
    private final Instant began = Instant.now();
    private volatile boolean closed;

    /**
     * A fresh working directory under target/servers-it, kept after the run so that the server's
     * logs can be read when a test fails.
     */
    static Path workDir(String name) throws IOException {
        Path dir = Path.of("target", "servers-it", name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /** Prints how long since this object was made: where the time of a slow start goes. */
    void step(String what) {
        System.out.printf("[%3d s] %s%n", Duration.between(began, Instant.now()).toSeconds(), what);
    }

    /** The unpacked server named by a system property that failsafe sets (see war/pom.xml). */
    static Path home(String property) {
        String home = System.getProperty(property);
        assertNotNull(home, property + " is set by failsafe in war/pom.xml");
        Path path = Path.of(home);
        assertTrue(Files.isDirectory(path), path + " is unpacked by maven-dependency-plugin");
        return path;
    }

    /**
     * Starts a command with a clean cardvault environment, JAVA_HOME = this JVM's, plus the given
     * variables (name, value, ...).
     */
    Process start(List<String> command, Path dir, Path log, String... env) throws IOException {
        if (closed) {
            throw new IllegalStateException("closed: the test timed out");
        }
        ProcessBuilder pb =
                new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("CARDVAULT_") || k.startsWith("AS_"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("JAVA_TOOL_OPTIONS", TEST_JVM_OPTIONS);
        for (int i = 0; i < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        Process p = pb.start();
        adopt(p.toHandle());
        return p;
    }

    /** Runs a command to completion within the time limit, else kills it and fails. */
    void run(List<String> command, Path dir, Path log, Duration limit, String... env)
            throws IOException, InterruptedException {
        Process p = start(command, dir, log, env);
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            kill(p.toHandle());
            throw new AssertionError(
                    command.get(0) + " did not finish within " + limit + "; see " + log);
        }
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed; see " + log);
    }

    /** A process started elsewhere (a daemonised server) that must be killed at the end too. */
    synchronized void adopt(ProcessHandle process) {
        processes.add(process);
        if (closed) {
            // the test thread outlived its timeout: nothing it starts may survive
            kill(process);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(from)) {
            s.forEach(all::add);
        }
        for (Path p : all) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else {
                Files.copy(p, target);
            }
        }
    }

    static void await(String what, Duration limit, BooleanSupplier done)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(what + " not within " + limit);
    }

    /** A free port on 127.0.0.1, different from every other one this object handed out. */
    int freePort() throws IOException {
        while (true) {
            int port = ServerProcess.freePort();
            if (reserved.add(port)) {
                return port;
            }
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** SIGTERM to every process and its descendants, SIGKILL to what is left after 10 s. */
    @Override
    public synchronized void close() {
        closed = true;
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle p : processes) {
            p.descendants().forEach(all::add);
            all.add(p);
        }
        all.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plusSeconds(10);
        for (ProcessHandle p : all) {
            try {
                p.onExit()
                        .get(
                                Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                                TimeUnit.MILLISECONDS);
            } catch (Exception stillRunning) {
                kill(p);
            }
        }
        processes.clear();
    }

    private static void kill(ProcessHandle p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the kernel reaps it; nothing more a test can do
        }
    }

    /**
     * The smoke test: demo tenant keys from {@code <data-dir>/demo.env}, tokenize the Visa test
     * card with the publishable key, pay through the sandbox PSP with the forwarding proxy, read
     * the fields page and its CSP, create a tenant with the admin API, /openapi, and readiness.
     *
     * @param health where {@code health/ready} answers (the HTTP port on Payara, the management
     *     port on WildFly)
     */
    static void smokeTest(Api api, Path dataDir, Api health) throws IOException {
        Properties demo = new Properties();
        try (Reader r = Files.newBufferedReader(dataDir.resolve("demo.env"))) {
            demo.load(r);
        }
        String pk = demo.getProperty("CARDVAULT_DEMO_PK");
        String sk = demo.getProperty("CARDVAULT_DEMO_SK");
        assertNotNull(pk, "demo.env holds the publishable key");

        Reply token =
                api.postJson(
                        "api/v1/tokens",
                        Api.card("4111111111111111", 12, 2031, "123"),
                        "x-api-key",
                        pk);
        assertEquals(201, token.status(), "tokenize: " + token.body());
        String tokenId = token.json().getString("id");

        String sandbox = api.base().resolve("sandbox/psp/v1/payments").toString();
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
                        tokenId,
                        "x-forward-url",
                        sandbox);
        assertEquals(201, paid.status(), "forward to the sandbox PSP: " + paid.body());
        assertEquals("approved", paid.json().getString("status"));
        assertEquals("1111", paid.json().getJsonObject("card").getString("last4"));

        Reply fields = api.send("GET", "fields/field.html?key=" + pk, null);
        assertEquals(200, fields.status(), "fields page");
        String csp = fields.header("Content-Security-Policy");
        assertNotNull(csp, "fields page has a CSP");
        String origin = "http://127.0.0.1:" + api.base().getPort();
        assertTrue(
                csp.contains("frame-ancestors ") && csp.contains(origin),
                "frame-ancestors names the demo tenant's origins: " + csp);
        assertTrue(csp.contains("default-src 'none'"), csp);
        assertNull(
                fields.header("X-Frame-Options"),
                "no server-added X-Frame-Options: it would forbid the cross-origin iframe");
        Reply unknown = api.send("GET", "fields/field.html?key=pk_unknown", null);
        assertTrue(
                String.valueOf(unknown.header("Content-Security-Policy"))
                        .contains("frame-ancestors *"),
                "an unknown key gets a visible error page that reports loaderror invalid-key");

        Reply tenant =
                api.postJson(
                        "api/v1/admin/tenants",
                        "{\"name\":\"Smoke\",\"allowedOrigins\":[\"https://shop.example\"],"
                                + "\"allowedDestinations\":[\"https://psp.example/v1/*\"]}",
                        "x-admin-key",
                        demo.getProperty("CARDVAULT_ADMIN_KEY"));
        assertEquals(201, tenant.status(), "admin API: " + tenant.body());

        Reply openapi = api.send("GET", "openapi", null);
        assertEquals(200, openapi.status(), "OpenAPI document");
        assertTrue(openapi.body().contains("/api/v1/tokens"), "OpenAPI lists the API");

        Reply ready = health.send("GET", "health/ready", null);
        assertEquals(200, ready.status(), "health/ready: " + ready.body());
        assertTrue(
                ready.body().contains("\"database\""),
                "cardvault's readiness check is included: " + ready.body());
    }

    /** The Visa test card may appear in no server log. */
    static void assertNoPan(Path log) throws IOException {
        if (Files.exists(log)) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            assertFalse(text.contains("4111111111111111"), "test PAN found in " + log);
        }
    }
}
