package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's own pool: a JDBC connection pool and resource made on Payara with asadmin commands
 * (as an operator would on their server), named in {@code cardvault.db.datasource}; cardvault
 * migrates it and runs on it, with no {@code cardvault.db.url} at all.
 */
class ContainerDataSourceIT {

    private static final String ADMIN_KEY = "datasource-it-admin-" + UUID.randomUUID();

    @TempDir Path work;

    private ServerProcess server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void containerPool_namedByJndi_isMigratedAndUsed() throws Exception {
        String url = PostgresSupport.url();
        Assumptions.assumeTrue(url != null, "CARDVAULT_TEST_PG_URL not set: skipped");
        PostgresSupport.resetSchema();
        URI pg = URI.create(url.substring("jdbc:".length()));
        String database = pg.getPath().substring(1);
        Path commands = work.resolve("post-boot.asadmin");
        Files.writeString(
                commands,
                "create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource"
                        + " --restype=javax.sql.DataSource --isconnectvalidatereq=true"
                        + " --validationmethod=auto-commit --property user="
                        + PostgresSupport.user()
                        + ":password="
                        + PostgresSupport.password()
                        + ":serverName="
                        + pg.getHost()
                        + ":portNumber="
                        + (pg.getPort() < 0 ? 5432 : pg.getPort())
                        + ":databaseName="
                        + database
                        + " cardvault-pool\n"
                        + "create-jdbc-resource --connectionpoolid=cardvault-pool jdbc/cardvault\n",
                StandardCharsets.UTF_8);
        Path driver =
                Path.of(
                        org.postgresql.Driver.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI());
        Map<String, String> settings = new HashMap<>();
        settings.put("CARDVAULT_DB_DATASOURCE", "jdbc/cardvault");
        settings.put("CARDVAULT_DEMO", "false");
        settings.put("CARDVAULT_DATA_DIR", work.resolve("data").toString());
        settings.put("CARDVAULT_ADMIN_KEY", ADMIN_KEY);
        settings.put(
                "CARDVAULT_MASTER_KEY",
                java.util.Base64.getEncoder()
                        .encodeToString(new java.security.SecureRandom().generateSeed(32)));
        int port = ServerProcess.freePort();
        Path log = work.resolve("server.log");
        server =
                ServerProcess.start(
                        work,
                        port,
                        log,
                        settings,
                        "--addlibs",
                        driver.toString(),
                        "--postbootcommandfile",
                        commands.toString());
        String text = Files.readString(log, StandardCharsets.ISO_8859_1);
        assertTrue(
                text.contains("database ready: the container's DataSource jdbc/cardvault"),
                ServerProcess.tail(log));

        Api api = server.api();
        Api.Reply tenant =
                api.postJson(
                        "api/v1/admin/tenants",
                        "{\"name\":\"Container pool\"}",
                        "x-admin-key",
                        ADMIN_KEY);
        assertEquals(201, tenant.status(), tenant.body());
        String sk = tenant.json().getString("secretKey");
        Api.Reply token =
                api.postJson(
                        "api/v1/tokens",
                        Api.card("4111111111111111", 12, 2031, null),
                        "x-api-key",
                        sk);
        assertEquals(201, token.status(), token.body());
        String id = token.json().getString("id");
        assertEquals(200, api.send("GET", "api/v1/tokens/" + id, null, "x-api-key", sk).status());

        // the rows are in the operator's database, where the pool points
        try (var c =
                        java.sql.DriverManager.getConnection(
                                url, PostgresSupport.user(), PostgresSupport.password());
                var st = c.prepareStatement("select count(*) from tokens where id = ?")) {
            st.setString(1, id);
            try (var rs = st.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }
}
