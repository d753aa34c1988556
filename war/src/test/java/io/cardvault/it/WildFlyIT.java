package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * cardvault.war on a stock WildFly ({@code org.wildfly:wildfly-dist}, unpacked by Maven into
 * target/servers): a copy of its {@code standalone} directory with the default {@code
 * standalone.xml} plus the MicroProfile Health and OpenAPI subsystems (the jboss-cli script of
 * docs/deployment.md, run against the embedded server), bound to 127.0.0.1 with a port offset whose
 * ports are all free, the WAR dropped into {@code deployments/}, then the smoke test. WildFly 39
 * has no MicroProfile Metrics: the WAR must deploy and work without it.
 */
class WildFlyIT {

    /** The ports of standalone.xml's socket bindings, before the offset. */
    private static final int[] PORTS = {8080, 8443, 9990, 9993, 8009, 4712, 4713};

    static final String CLI =
            """
            embed-server --server-config=standalone.xml --std-out=discard
            /extension=org.wildfly.extension.microprofile.health-smallrye:add
            /subsystem=microprofile-health-smallrye:add(security-enabled=false)
            /extension=org.wildfly.extension.microprofile.openapi-smallrye:add
            /subsystem=microprofile-openapi-smallrye:add
            stop-embedded-server
            """;

    final AppServer server = new AppServer();

    Path work;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void warDeploysAndWorksOnWildFly() throws Exception {
        Instant began = Instant.now();
        work = AppServer.workDir("wildfly");
        Path home = AppServer.home("cardvault.it.wildfly.home");
        Path base = work.resolve("standalone");
        AppServer.copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        Path data = work.resolve("data");
        Path log = work.resolve("wildfly.log");
        String baseDir = "-Djboss.server.base.dir=" + base;

        Path cli = work.resolve("cardvault.cli");
        Files.writeString(cli, CLI, StandardCharsets.UTF_8);
        server.run(
                List.of(home.resolve("bin/jboss-cli.sh").toString(), "--file=" + cli),
                work,
                log,
                Duration.ofSeconds(90),
                "JAVA_OPTS",
                baseDir);

        server.step("WildFly: standalone.xml configured by jboss-cli");
        int offset = freeOffset();
        int http = 8080 + offset;
        int management = 9990 + offset;
        Path war = base.resolve("deployments/cardvault.war");
        Files.copy(Path.of("target", "cardvault.war"), war);
        server.start(
                List.of(
                        home.resolve("bin/standalone.sh").toString(),
                        "-c",
                        "standalone.xml",
                        "-b",
                        "127.0.0.1",
                        "-bmanagement",
                        "127.0.0.1",
                        baseDir,
                        "-Djboss.socket.binding.port-offset=" + offset,
                        "-Dcardvault.data-dir=" + data,
                        "-Dcardvault.public-url=http://127.0.0.1:" + http),
                work,
                log);
        Path deployed = base.resolve("deployments/cardvault.war.deployed");
        Path failed = base.resolve("deployments/cardvault.war.failed");
        AppServer.await(
                "WildFly deploying cardvault.war (see " + log + ")",
                Duration.ofSeconds(180),
                () -> Files.exists(deployed) || Files.exists(failed));
        assertTrue(
                Files.exists(deployed),
                "cardvault.war failed to deploy: "
                        + (Files.exists(failed) ? Files.readString(failed) : "")
                        + "; see "
                        + log);
        Duration started = Duration.between(began, Instant.now());
        server.step("WildFly: cardvault.war deployed");

        Api api = new Api(URI.create("http://127.0.0.1:" + http + "/"));
        // MicroProfile Health is served on WildFly's management interface, not the HTTP port
        AppServer.smokeTest(api, data, new Api(URI.create("http://127.0.0.1:" + management + "/")));
        // no MicroProfile Metrics on WildFly 39: tokens were created above, the WAR works without
        // it
        assertEquals(404, api.send("GET", "metrics", null).status());
        AppServer.assertNoPan(log);
        AppServer.assertNoPan(base.resolve("log/server.log"));
        System.out.printf(
                "WildFly: configured, started and deployed in %d s, smoke test passed after %d s%n",
                started.toSeconds(), Duration.between(began, Instant.now()).toSeconds());
    }

    /** A port offset such that every socket binding of standalone.xml is free on 127.0.0.1. */
    private static int freeOffset() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(20_000, 50_000);
            if (IntStream.of(PORTS).allMatch(p -> AppServer.isFree(p + offset))) {
                return offset;
            }
        }
        throw new AssertionError("no port offset with all WildFly ports free");
    }
}
