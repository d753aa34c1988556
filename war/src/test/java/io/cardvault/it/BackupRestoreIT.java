package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.it.Api.Reply;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore of docs/operations.md, done the way an operator does it, with the runnable bundle
 * outside demo mode (master key in its own file, outside the data directory): tokenize, back up
 * online with {@code POST /api/v1/admin/backup}, stop, wipe the data directory, unzip the backup
 * into a new one, start. Every table has the same row count as before, and every token reads and
 * forwards through the sandbox PSP. A backup into a directory that cannot be created first gives
 * {@code 507 backup-failed} and the vault keeps working.
 */
class BackupRestoreIT {

    static final int TOKENS = 30;

    static final String[] PANS = {"4111111111111111", "5555555555554444", "378282246310005"};

    @TempDir Path work;

    ServerProcess server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void backup_wipe_restore_start_everyTokenReadsAndForwards() throws Exception {
        Path data = work.resolve("data");
        Path backups = work.resolve("backups");
        Path keys = work.resolve("keys");
        Files.createDirectories(keys);
        Path masterKey = keys.resolve("master.key");
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        Files.writeString(masterKey, Base64.getEncoder().encodeToString(k) + "\n");
        Files.setPosixFilePermissions(masterKey, PosixFilePermissions.fromString("rw-------"));
        int port = ServerProcess.freePort();
        Map<String, String> settings =
                Map.of(
                        "CARDVAULT_DATA_DIR",
                        data.toString(),
                        "CARDVAULT_DEMO",
                        "false",
                        "CARDVAULT_MASTER_KEY_FILE",
                        masterKey.toString(),
                        "CARDVAULT_ADMIN_KEY",
                        Api.ADMIN_KEY,
                        "CARDVAULT_SANDBOX_ENABLED",
                        "true",
                        "CARDVAULT_BACKUP_DIR",
                        backups.toString());

        // a backup directory that cannot be created: a clear problem, the vault keeps working
        Files.writeString(backups, "a file where the directory should be");
        server = ServerProcess.start(work, port, work.resolve("server-1.log"), settings);
        Api api = server.api();
        String sandbox = "http://127.0.0.1:" + port + "/sandbox/psp/v1/payments";
        JsonObject tenant =
                api.createTenant(
                        "Restore Shop",
                        "[\"https://shop.example\"]",
                        "[\"" + "http://127.0.0.1:" + port + "/sandbox/psp/*\"]");
        String sk = tenant.getString("secretKey");

        List<String> tokens = new ArrayList<>();
        tokens.add(tokenize(api, sk, 0));
        Reply failed = api.send("POST", "api/v1/admin/backup", null, "x-admin-key", Api.ADMIN_KEY);
        assertEquals(507, failed.status(), failed.body());
        assertEquals("application/problem+json", failed.header("Content-Type"));
        assertEquals("backup-failed", failed.json().getString("code"));
        Files.delete(backups);
        assertEquals(
                200,
                api.send("GET", "api/v1/tokens/" + tokens.get(0), null, "x-api-key", sk).status());

        for (int i = 1; i < TOKENS; i++) {
            tokens.add(tokenize(api, sk, i));
        }
        assertEquals(201, forward(api, sk, tokens.get(1), sandbox).status());

        assertEquals(
                401,
                api.send("POST", "api/v1/admin/backup", null, "x-admin-key", "wrong").status());
        Reply backup = api.send("POST", "api/v1/admin/backup", null, "x-admin-key", Api.ADMIN_KEY);
        assertEquals(201, backup.status(), backup.body());
        String file = backup.json().getString("file");
        assertTrue(file.matches("cardvault-[0-9]{8}T[0-9]{6}\\.[0-9]{3}Z\\.zip"), file);
        Path zip = backups.resolve(file);
        assertEquals(Files.size(zip), backup.json().getJsonNumber("size").longValue());
        assertTrue(backup.json().getJsonNumber("durationMs").longValue() >= 0);
        try (Stream<Path> s = Files.list(backups)) {
            assertEquals(List.of(zip), s.toList(), "one finished file, no partial one");
        }
        server.close();
        server = null;

        Map<String, Long> before = rowCounts(data);
        assertTrue(before.getOrDefault("TOKENS", 0L) >= TOKENS, before.toString());

        // wipe the data directory; the master key lives elsewhere and is untouched
        deleteTree(data);
        assertFalse(Files.exists(data));
        Files.createDirectories(data);
        unzip(zip, data);
        assertEquals(before, rowCounts(data), "every table has the rows it had");

        server = ServerProcess.start(work, port, work.resolve("server-2.log"), settings);
        api = server.api();
        for (String id : tokens) {
            Reply r = api.send("GET", "api/v1/tokens/" + id, null, "x-api-key", sk);
            assertEquals(200, r.status(), "token " + id + " after restore");
            Reply paid = forward(api, sk, id, sandbox);
            assertEquals(201, paid.status(), "forward of " + id + " after restore: " + paid.body());
            assertEquals("approved", paid.json().getString("status"));
        }
        server.close();
        server = null;
        assertEquals(before.get("TOKENS"), rowCounts(data).get("TOKENS"), "no token lost or added");

        for (Path f : List.of(work.resolve("server-1.log"), work.resolve("server-2.log"))) {
            String text = Files.readString(f, StandardCharsets.ISO_8859_1);
            for (String pan : PANS) {
                assertFalse(text.contains(pan), "a test PAN in " + f.getFileName());
            }
        }
    }

    private static String tokenize(Api api, String sk, int i) {
        Reply r =
                api.postJson(
                        "api/v1/tokens",
                        Api.card(PANS[i % PANS.length], 12, 2031, null),
                        "x-api-key",
                        sk);
        assertEquals(201, r.status(), r.body());
        return r.json().getString("id");
    }

    private static Reply forward(Api api, String sk, String token, String sandbox) {
        return api.send(
                "POST",
                "api/v1/forward",
                "{\"amount\":1999,\"currency\":\"EUR\",\"card\":{\"number\":\"{{ number }}\","
                        + "\"expMonth\":\"{{ expiryMonth | unwrap }}\",\"expYear\":\"{{ expiryYear | unwrap }}\"}}",
                "Content-Type",
                "application/json",
                "x-api-key",
                sk,
                "x-token-id",
                token,
                "x-forward-url",
                sandbox);
    }

    /** Rows per table of the (stopped) embedded database, read with the same H2 version. */
    static Map<String, Long> rowCounts(Path data) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c =
                        DriverManager.getConnection(
                                "jdbc:h2:file:" + data.resolve("cardvault") + ";IFEXISTS=TRUE",
                                "sa",
                                "");
                Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs =
                    st.executeQuery(
                            "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + t + "\"")) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    static void unzip(Path zip, Path dir) throws IOException {
        try (InputStream raw = Files.newInputStream(zip);
                ZipInputStream in = new ZipInputStream(raw)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path out = dir.resolve(e.getName()).normalize();
                if (!out.startsWith(dir)) {
                    throw new IOException("zip entry outside the target: " + e.getName());
                }
                Files.createDirectories(out.getParent());
                Files.copy(in, out);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
