package io.cardvault.launcher;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The build's class-data-sharing training run ({@code -Dcardvault.cds-training=true}, only in
 * war/pom.xml): the bundle starts as usual on a free loopback port, waits until {@code
 * /health/ready} answers {@code 200}, and exits, so that {@code -XX:ArchiveClassesAtExit} writes
 * the classes of a whole start (Payara Micro, the deployment, the first readiness request) into
 * {@code target/cardvault.jsa}. Started with {@code -XX:SharedArchiveFile} pointing at that file,
 * the JVM maps those classes instead of parsing and verifying them again (docs/operations.md).
 */
final class CdsTraining {

    static final String PROPERTY = "cardvault.cds-training";

    private static final long READY_TIMEOUT_MS = 120_000;

    private CdsTraining() {}

    /** The arguments plus a free loopback port, and the listener bound to 127.0.0.1. */
    static String[] arguments(String[] args) throws IOException {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (Launcher.option(args, "--port").isEmpty()) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                all.add("--port");
                all.add(String.valueOf(s.getLocalPort()));
            }
        }
        if (Launcher.option(args, "--prebootcommandfile").isEmpty()) {
            Path preboot = Files.createTempFile("cardvault-cds-", ".asadmin");
            preboot.toFile().deleteOnExit();
            Files.writeString(
                    preboot,
                    "set configs.config.server-config.network-config.network-listeners"
                            + ".network-listener.http-listener.address=127.0.0.1\n");
            all.add("--prebootcommandfile");
            all.add(preboot.toString());
        }
        return all.toArray(new String[0]);
    }

    /** Waits for readiness (the request itself loads classes a real start needs), then exits. */
    static void finish(String[] args) throws InterruptedException {
        String port = Launcher.option(args, "--port").orElseThrow();
        URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (status(ready) == 200) {
                System.exit(0);
            }
            Thread.sleep(100);
        }
        System.err.println("cardvault: CDS training run: not ready within 120 s");
        System.exit(1);
    }

    private static int status(URI uri) {
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            c.setConnectTimeout(2_000);
            c.setReadTimeout(5_000);
            try {
                return c.getResponseCode();
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }
}
