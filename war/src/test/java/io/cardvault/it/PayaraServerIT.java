package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * cardvault.war on a stock Payara Server 6 ({@code fish.payara.distributions:payara}, unpacked by
 * Maven into target/servers): a copy of its {@code domain1} with every listener on 127.0.0.1 and a
 * free port, Hazelcast and the JMS broker off, then {@code asadmin deploy --contextroot /} and the
 * smoke test. docs/deployment.md describes the same settings for an operator.
 */
class PayaraServerIT {

    final AppServer server = new AppServer();

    Path work;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void warDeploysAndWorksOnPayaraServer() throws Exception {
        Instant began = Instant.now();
        work = AppServer.workDir("payara");
        Path home = AppServer.home("cardvault.it.payara.home");
        Path asadmin = home.resolve("bin/asadmin");
        Path domains = work.resolve("domains");
        Path domain = domains.resolve("cardvault");
        AppServer.copyTree(home.resolve("glassfish/domains/domain1"), domain);
        Path data = work.resolve("data");

        int http = server.freePort();
        int admin = server.freePort();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cardvault.data-dir", data.toString());
        settings.put("cardvault.public-url", "http://127.0.0.1:" + http);
        configure(domain.resolve("config/domain.xml"), http, admin, settings);

        Path log = work.resolve("asadmin.log");
        Path serverLog = domain.resolve("logs/server.log");
        server.step("Payara Server: domain configured in " + domain);
        try {
            server.run(
                    List.of(
                            asadmin.toString(),
                            "start-domain",
                            "--domaindir",
                            domains.toString(),
                            "cardvault"),
                    work,
                    log,
                    Duration.ofSeconds(150));
        } finally {
            // start-domain daemonises the server: kill it by the pid it writes, whatever happened
            Path pid = domain.resolve("config/pid");
            if (Files.exists(pid)) {
                ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()))
                        .ifPresent(server::adopt);
            }
        }
        server.step("Payara Server: domain started");
        server.run(
                List.of(
                        asadmin.toString(),
                        "--interactive=false",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        String.valueOf(admin),
                        "deploy",
                        "--contextroot",
                        "/",
                        "--name",
                        "cardvault",
                        Path.of("target", "cardvault.war").toAbsolutePath().toString()),
                work,
                log,
                Duration.ofSeconds(120));
        Duration started = Duration.between(began, Instant.now());
        server.step("Payara Server: cardvault.war deployed");

        Api api = new Api(URI.create("http://127.0.0.1:" + http + "/"));
        AppServer.smokeTest(api, data, api);
        // Payara has MicroProfile Metrics: the application counter is there
        Api.Reply metrics = api.send("GET", "metrics", null, "Accept", "text/plain");
        assertEquals(200, metrics.status());
        assertTrue(
                metrics.body().contains("cardvault_tokens_created_total"),
                "application metric on /metrics");
        AppServer.assertNoPan(serverLog);
        System.out.printf(
                "Payara Server: started and deployed in %d s, smoke test passed after %d s%n",
                started.toSeconds(), Duration.between(began, Instant.now()).toSeconds());
    }

    /**
     * What {@code asadmin set} would do, applied to domain.xml before the first start so that
     * nothing ever listens on 0.0.0.0 or a port another process uses.
     */
    private void configure(Path domainXml, int http, int admin, Map<String, String> settings)
            throws Exception {
        String xml = Files.readString(domainXml, StandardCharsets.UTF_8);
        int from = xml.indexOf("<config name=\"server-config\">");
        int to = xml.indexOf("<config name=\"default-config\"");
        assertTrue(from > 0 && to > from, "server-config in domain.xml");
        String config = xml.substring(from, to);
        StringBuilder jvm = new StringBuilder();
        settings.forEach(
                (k, v) ->
                        jvm.append("<jvm-options>-D")
                                .append(k)
                                .append('=')
                                .append(v)
                                .append("</jvm-options>\n"));
        String[][] edits = {
            {
                "port=\"8080\" protocol=\"http-listener-1\"",
                "address=\"127.0.0.1\" port=\"" + http + "\" protocol=\"http-listener-1\""
            },
            {
                "port=\"8181\" protocol=\"http-listener-2\"",
                "address=\"127.0.0.1\" port=\""
                        + server.freePort()
                        + "\" protocol=\"http-listener-2\""
            },
            {
                "port=\"4848\" protocol=\"admin-listener\"",
                "address=\"127.0.0.1\" port=\"" + admin + "\" protocol=\"admin-listener\""
            },
            {
                "address=\"0.0.0.0\" port=\"3700\"",
                "address=\"127.0.0.1\" port=\"" + server.freePort() + "\""
            },
            {
                "address=\"0.0.0.0\" port=\"3820\"",
                "address=\"127.0.0.1\" port=\"" + server.freePort() + "\""
            },
            {
                "address=\"0.0.0.0\" port=\"3920\"",
                "address=\"127.0.0.1\" port=\"" + server.freePort() + "\""
            },
            {
                "address=\"0.0.0.0\" port=\"8686\"",
                "address=\"127.0.0.1\" port=\"" + server.freePort() + "\""
            },
            {
                "name=\"JMS_PROVIDER_PORT\" value=\"7676\"",
                "name=\"JMS_PROVIDER_PORT\" value=\"" + server.freePort() + "\""
            },
            // no Hazelcast data grid (no cluster discovery), no JMS broker (it listens on all
            // interfaces)
            {
                "<hazelcast-config-specific-configuration></hazelcast-config-specific-configuration>",
                "<hazelcast-config-specific-configuration enabled=\"false\"></hazelcast-config-specific-configuration>\n"
                        + "<jms-service type=\"DISABLED\" default-jms-host=\"default_JMS_host\"></jms-service>"
            },
            // the fields page sets CSP frame-ancestors; Payara's default X-Frame-Options:
            // SAMEORIGIN
            // would forbid the cross-origin iframe in browsers that prefer it
            {
                "<http default-virtual-server=\"server\" max-connections=\"250\">",
                "<http default-virtual-server=\"server\" max-connections=\"250\" xframe-options=\"false\">"
            },
            {"</java-config>", jvm + "</java-config>"},
        };
        for (String[] edit : edits) {
            assertTrue(config.contains(edit[0]), "domain.xml has " + edit[0]);
            config = config.replace(edit[0], edit[1]);
        }
        Files.writeString(
                domainXml,
                xml.substring(0, from) + config + xml.substring(to),
                StandardCharsets.UTF_8);
    }
}
