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
    private final Path log;

    private ServerProcess(Process process, Api api, Path log) {
        this.process = process;
        this.api = api;
        this.log = log;
    }

    static ServerProcess start(
            Path workDir, int port, Path log, Map<String, String> settings, String... options)
            throws IOException, InterruptedException {
        ServerProcess server = launch(workDir, port, log, settings, options);
        server.awaitReady(log);
        return server;
    }

    /** As above, with more command-line options after {@code --port N} (e.g. {@code --sslport}). */
    static ServerProcess start(
            Path workDir,
            int port,
            Path log,
            Map<String, String> settings,
            List<String> moreOptions)
            throws IOException, InterruptedException {
        return start(workDir, port, log, settings, moreOptions.toArray(new String[0]));
    }

    /** Starts the process without waiting for it to be ready (for start-up failure tests). */
    static ServerProcess launch(
            Path workDir, int port, Path log, Map<String, String> settings, String... options)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add("-jar");
        command.add(bundle().toString());
        command.add("--port");
        command.add(String.valueOf(port));
        command.addAll(List.of(options));
        ProcessBuilder pb =
                new ProcessBuilder(command)
                        .directory(workDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CARDVAULT_"));
        pb.environment().put("CARDVAULT_PUBLIC_URL", "http://127.0.0.1:" + port);
        pb.environment().putAll(settings);
        return new ServerProcess(
                pb.start(), new Api(URI.create("http://127.0.0.1:" + port + "/")), log);
    }

    void awaitReady(Path log) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(420));
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), "server exited during start-up: " + tail(log));
            try {
                if (api.send("GET", "health/ready", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // connection refused while starting
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new AssertionError("server not ready within 420 s: " + tail(log));
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

    /** The file its console output goes to. */
    Path log() {
        return log;
    }

    Process process() {
        return process;
    }

    /** SIGTERM, as an orchestrator stops a container; does not wait. */
    void terminate() {
        process.destroy();
    }

    long pid() {
        return process.pid();
    }

    /**
     * The server's threads now ({@code jcmd <pid> Thread.print}), for the report of a test that
     * failed while the server was up: a request that hangs shows where it waits. Stacks hold no
     * request data.
     */
    String threadDump() {
        if (!process.isAlive()) {
            return "(the server has exited)";
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p =
                    new ProcessBuilder(
                                    jcmd.toString(), String.valueOf(process.pid()), "Thread.print")
                            .redirectErrorStream(true)
                            .start();
            byte[] out = p.getInputStream().readNBytes(512 * 1024);
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "(no thread dump: " + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
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
