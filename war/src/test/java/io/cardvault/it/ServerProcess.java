package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The runnable bundle started the way the README does ({@code java -jar war/target/cardvault.jar
 * --port N}) with a clean environment plus the given settings, its output captured in a log file.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Api api;

    private ServerProcess(Process process, Api api) {
        this.process = process;
        this.api = api;
    }

    static ServerProcess start(Path workDir, int port, Path log, Map<String, String> settings)
            throws IOException, InterruptedException {
        return start(workDir, port, log, settings, List.of());
    }

    /** As above, with more command-line options after {@code --port N} (e.g. {@code --sslport}). */
    static ServerProcess start(
            Path workDir,
            int port,
            Path log,
            Map<String, String> settings,
            List<String> moreOptions)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command =
                new ArrayList<>(
                        List.of(java, "-jar", bundle().toString(), "--port", String.valueOf(port)));
        command.addAll(moreOptions);
        ProcessBuilder pb =
                new ProcessBuilder(command)
                        .directory(workDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CARDVAULT_"));
        pb.environment().put("CARDVAULT_PUBLIC_URL", "http://127.0.0.1:" + port);
        pb.environment().putAll(settings);
        Process process = pb.start();
        Api api = new Api(URI.create("http://127.0.0.1:" + port + "/"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(300));
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), "server exited during start-up; see " + log);
            try {
                if (api.send("GET", "health/ready", null).status() == 200) {
                    return new ServerProcess(process, api);
                }
            } catch (RuntimeException notYet) {
                // connection refused while starting
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new AssertionError("server not ready within 300 s; log tail:\n" + tail(log));
    }

    /**
     * The bundle under test: {@code target/cardvault.jar}, or the one named by the system property
     * {@code cardvault.it.bundle} (e.g. an older build, to show that a new test fails there).
     */
    static Path bundle() {
        String other = System.getProperty("cardvault.it.bundle");
        return (other == null || other.isBlank()
                        ? Path.of("target", "cardvault.jar")
                        : Path.of(other))
                .toAbsolutePath();
    }

    /** The last lines of a log (the temporary directory is gone when the report is read). */
    static String tail(Path log) {
        try {
            List<String> lines =
                    java.nio.file.Files.readAllLines(
                            log, java.nio.charset.StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getClass().getSimpleName() + ")";
        }
    }

    Api api() {
        return api;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hooks, no flush — what a power cut or OOM killer does to the JVM. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
