package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The loopback PostgreSQL that {@code .ci/run} starts, given by {@code CARDVAULT_TEST_PG_URL} (+
 * {@code _USER}, {@code _PASSWORD}); tests that need it skip when it is absent.
 */
final class PostgresSupport {

    private PostgresSupport() {}

    static String url() {
        String url = System.getenv("CARDVAULT_TEST_PG_URL");
        return url == null || url.isBlank() ? null : url;
    }

    static String user() {
        return System.getenv().getOrDefault("CARDVAULT_TEST_PG_USER", "cardvault");
    }

    static String password() {
        return System.getenv().getOrDefault("CARDVAULT_TEST_PG_PASSWORD", "cardvault");
    }

    /** The server settings for the test database, or null when there is none. */
    static Map<String, String> settings(Path work) {
        String url = url();
        if (url == null) {
            return null;
        }
        assertTrue(
                url.startsWith("jdbc:postgresql://127.0.0.1")
                        || url.startsWith("jdbc:postgresql://localhost"),
                "tests use a loopback database only");
        Map<String, String> s = new HashMap<>();
        s.put("CARDVAULT_DB_URL", url);
        s.put("CARDVAULT_DB_USER", user());
        s.put("CARDVAULT_DB_PASSWORD", password());
        s.put("CARDVAULT_DATA_DIR", work.resolve("data").toString());
        return s;
    }

    static void resetSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(url(), user(), password());
                Statement s = c.createStatement()) {
            s.execute("drop schema public cascade");
            s.execute("create schema public");
        }
    }
}
