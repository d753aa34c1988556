package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.it.Api.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production configuration: PostgreSQL selected by {@code cardvault.db.url} alone (demo mode,
 * sandbox and demo page off), Flyway's scripts applied, tokens surviving {@code kill -9}, and no
 * PAN in any column of any table. Runs when {@code CARDVAULT_TEST_PG_URL} (plus {@code _USER},
 * {@code _PASSWORD}) points at a database; {@code .ci/run} starts one on 127.0.0.1.
 */
class PostgresProcessIT {

    @TempDir Path work;

    @Test
    void postgres_tokensSurviveKill_andNoPanInAnyTable() throws Exception {
        String url = System.getenv("CARDVAULT_TEST_PG_URL");
        Assumptions.assumeTrue(
                url != null && !url.isBlank(),
                "set CARDVAULT_TEST_PG_URL to run against PostgreSQL");
        assertTrue(
                url.startsWith("jdbc:postgresql://127.0.0.1")
                        || url.startsWith("jdbc:postgresql://localhost"),
                "tests use a loopback database only");
        String user = System.getenv().getOrDefault("CARDVAULT_TEST_PG_USER", "cardvault");
        String password = System.getenv().getOrDefault("CARDVAULT_TEST_PG_PASSWORD", "cardvault");
        resetSchema(url, user, password);
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        String adminKey = "pg-it-" + UUID.randomUUID();
        Map<String, String> settings =
                Map.of(
                        "CARDVAULT_DB_URL",
                        url,
                        "CARDVAULT_DB_USER",
                        user,
                        "CARDVAULT_DB_PASSWORD",
                        password,
                        "CARDVAULT_MASTER_KEY",
                        Base64.getEncoder().encodeToString(key),
                        "CARDVAULT_ADMIN_KEY",
                        adminKey,
                        "CARDVAULT_DATA_DIR",
                        work.resolve("data").toString());
        int port = ServerProcess.freePort();
        Path log = work.resolve("server.log");
        List<String> ids = new ArrayList<>();
        String sk;
        try (ServerProcess server = ServerProcess.start(work, port, log, settings)) {
            Api api = server.api();
            assertEquals(
                    404,
                    api.send("GET", "demo/config.json", null).status(),
                    "no demo mode with PostgreSQL");
            assertEquals(
                    404,
                    api.send("GET", "sandbox/psp/v1/payments/x", null).status(),
                    "no sandbox outside demo mode");
            Reply tenant =
                    api.postJson(
                            "api/v1/admin/tenants", "{\"name\":\"PG\"}", "x-admin-key", adminKey);
            assertEquals(201, tenant.status());
            sk = tenant.json().getString("secretKey");
            for (int i = 0; i < 25; i++) {
                Reply r =
                        api.postJson(
                                "api/v1/tokens",
                                Api.card(
                                        i % 2 == 0 ? "4111111111111111" : "5555555555554444",
                                        12,
                                        2031,
                                        "123"),
                                "x-api-key",
                                sk,
                                "Idempotency-Key",
                                "pg-" + i);
                assertEquals(201, r.status());
                ids.add(r.json().getString("id"));
            }
            server.kill();
        }
        try (ServerProcess again =
                ServerProcess.start(work, port, work.resolve("server-2.log"), settings)) {
            for (String id : ids) {
                assertEquals(
                        200,
                        again.api()
                                .send("GET", "api/v1/tokens/" + id, null, "x-api-key", sk)
                                .status());
            }
        }
        assertFalse(
                dumpAllTables(url, user, password).contains("4111111111111111"),
                "PAN found in PostgreSQL");
        assertFalse(
                dumpAllTables(url, user, password).contains("5555555555554444"),
                "PAN found in PostgreSQL");
        assertFalse(
                Files.readString(log, StandardCharsets.ISO_8859_1).contains("4111111111111111"),
                "PAN in log");
    }

    private static void resetSchema(String url, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("drop schema public cascade");
            s.execute("create schema public");
        }
    }

    private static String dumpAllTables(String url, String user, String password) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs =
                    s.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select * from \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            all.append(rs.getString(i)).append('|');
                        }
                    }
                }
            }
        }
        return all.toString();
    }
}
