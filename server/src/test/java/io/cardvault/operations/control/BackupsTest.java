package io.cardvault.operations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.operations.entity.BackupFile;
import io.cardvault.operations.entity.OperationsProblem;
import io.cardvault.platform.control.Database;
import io.cardvault.platform.control.DemoMode;
import io.cardvault.platform.entity.BackupStarting;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.testing.Beans;
import io.cardvault.testing.Fakes;
import jakarta.enterprise.event.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2's online backup through {@link Backups}, on a real file database: the zip restores to the same
 * rows, and every failure (directory that cannot be made, no space, a write that fails midway)
 * gives a backup-failed problem, leaves no partial file and leaves the database working.
 */
class BackupsTest {

    @TempDir Path tmp;

    JdbcConnectionPool pool;
    Backups backups;
    String url;

    /** What the observers of {@link BackupStarting} do (the forward audit moves its journal). */
    Runnable onBackupStarting = () -> {};

    @BeforeEach
    void database() throws SQLException {
        Path data = tmp.resolve("data");
        url = "jdbc:h2:file:" + data.resolve("cardvault") + ";WRITE_DELAY=0";
        pool = JdbcConnectionPool.create(url, "sa", "");
        sql(pool, "CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(20))");
        for (int i = 0; i < 100; i++) {
            sql(pool, "INSERT INTO t VALUES(" + i + ", 'row')");
        }
        backups = backups(url, tmp.resolve("backups").toString());
    }

    @AfterEach
    void close() {
        pool.dispose();
    }

    Backups backups(String dbUrl, String dir) {
        DemoMode demo = new DemoMode();
        Beans.set(demo, "dbUrl", Optional.of(dbUrl));
        Beans.set(demo, "dataDir", tmp.resolve("data").toString());
        Beans.set(demo, "demo", "false");
        DataSource ds = pool;
        Database database =
                new Database() {
                    @Override
                    public DataSource dataSource() {
                        return ds;
                    }
                };
        Backups b = new Backups();
        Beans.set(b, "backupDir", Optional.ofNullable(dir));
        Beans.set(b, "database", database);
        Beans.set(b, "demoMode", demo);
        b.starting =
                Fakes.of(
                        Event.class,
                        (m, a) -> {
                            if (!m.equals("fire") || !(a[0] instanceof BackupStarting)) {
                                throw Fakes.unexpected(m);
                            }
                            onBackupStarting.run();
                            return null;
                        });
        b.clock = Clock.fixed(Instant.parse("2030-01-02T03:04:05.678Z"), ZoneOffset.UTC);
        return b;
    }

    @Test
    void backup_isAConsistentZip_thatRestoresEveryRow() throws Exception {
        BackupFile f = backups.backup();
        assertEquals("cardvault-20300102T030405.678Z.zip", f.file());
        Path zip = tmp.resolve("backups").resolve(f.file());
        assertEquals(Files.size(zip), f.size());
        // same instant again: a new name, never an overwrite
        assertEquals("cardvault-20300102T030405.678Z-2.zip", backups.backup().file());

        assertEquals(100, restoredRows(zip));
        assertNoPartials();
    }

    @Test
    void backup_firesBackupStartingFirst_soWhatItsObserversWriteIsInTheBackup() throws Exception {
        onBackupStarting =
                () -> {
                    try {
                        sql(pool, "INSERT INTO t VALUES(100, 'from the journal')");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                };
        BackupFile f = backups.backup();
        assertEquals(101, restoredRows(tmp.resolve("backups").resolve(f.file())));
    }

    /** The rows of table t in the database the backup {@code zip} restores to. */
    private int restoredRows(Path zip) throws Exception {
        Path restored = Files.createTempDirectory(tmp, "restored");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path out = restored.resolve(e.getName()).normalize();
                assertTrue(out.startsWith(restored));
                Files.copy(in, out);
            }
        }
        JdbcConnectionPool copy =
                JdbcConnectionPool.create(
                        "jdbc:h2:file:" + restored.resolve("cardvault"), "sa", "");
        try {
            return count(copy);
        } finally {
            copy.dispose();
        }
    }

    @Test
    void notConfigured_andPostgres_areExplained() {
        ProblemException none =
                assertThrows(ProblemException.class, () -> backups(url, null).backup());
        assertEquals(OperationsProblem.BACKUP_NOT_CONFIGURED, none.type());
        assertTrue(none.detail().contains("cardvault.backup.dir"));
        ProblemException pg =
                assertThrows(
                        ProblemException.class,
                        () -> backups("jdbc:postgresql://127.0.0.1/x", "b").backup());
        assertEquals(OperationsProblem.BACKUP_NOT_SUPPORTED, pg.type());
    }

    @Test
    void directoryThatCannotBeMade_isBackupFailed_andTheDatabaseWorks() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () -> backups(url, file.resolve("sub").toString()).backup());
        assertEquals(OperationsProblem.BACKUP_FAILED, e.type());
        assertEquals(507, e.type().status());
        assertDatabaseWorks();
    }

    @Test
    void fullDisk_isBackupFailed_beforeWriting() throws Exception {
        backups.freeSpace = dir -> 0L;
        ProblemException e = assertThrows(ProblemException.class, backups::backup);
        assertEquals(OperationsProblem.BACKUP_FAILED, e.type());
        assertTrue(e.detail().contains("not enough free space"), e.detail());
        assertNoPartials();
        assertDatabaseWorks();
    }

    @Test
    void failureAfterH2Wrote_leavesNoPartialFile_andTheDatabaseWorks() throws Exception {
        Path dir = tmp.resolve("backups");
        Files.createDirectories(dir);
        // every free name is taken but the last, and that one is a directory the final rename
        // cannot replace: the backup is written, checked, then fails at the last step
        Files.writeString(dir.resolve("cardvault-20300102T030405.678Z.zip"), "x");
        for (int i = 2; i < 99; i++) {
            Files.writeString(dir.resolve("cardvault-20300102T030405.678Z-" + i + ".zip"), "x");
        }
        Files.createDirectories(dir.resolve("cardvault-20300102T030405.678Z-99.zip").resolve("x"));
        ProblemException e = assertThrows(ProblemException.class, backups::backup);
        assertEquals(OperationsProblem.BACKUP_FAILED, e.type());
        assertTrue(e.detail().contains("the database is unchanged"), e.detail());
        assertNoPartials();
        assertDatabaseWorks();
    }

    private void assertDatabaseWorks() throws SQLException {
        sql(pool, "INSERT INTO t VALUES(1000, 'after')");
        assertEquals(101, count(pool));
    }

    private void assertNoPartials() throws Exception {
        Path dir = tmp.resolve("backups");
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".partial")));
        }
    }

    private static void sql(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static int count(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
