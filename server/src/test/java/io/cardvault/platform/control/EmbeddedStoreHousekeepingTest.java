package io.cardvault.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store does not grow without bound under one-commit-per-write load: the housekeeping
 * that {@code WRITE_DELAY=0} turns off in H2 runs on cardvault's own thread.
 */
class EmbeddedStoreHousekeepingTest {

    @TempDir Path dir;

    @Test
    void theDurabilitySettingsAreAddedUnlessTheUrlSetsThem() {
        assertEquals(
                "jdbc:h2:file:/d/cv;WRITE_DELAY=0;RETENTION_TIME=10000;DB_CLOSE_ON_EXIT=FALSE",
                Database.withDurability("jdbc:h2:file:/d/cv"));
        assertEquals(
                "jdbc:h2:file:/d/cv;RETENTION_TIME=0;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                Database.withDurability("jdbc:h2:file:/d/cv;RETENTION_TIME=0"));
    }

    @Test
    void theScheduledHousekeepingGivesTheSpaceOfSupersededChunksBack() throws Exception {
        // retention 0: superseded chunks may be reused at once, so the test need not wait 10 s
        TestDatabase t =
                TestDatabase.open(
                        dir,
                        Optional.of(
                                "jdbc:h2:file:" + dir.resolve("cardvault") + ";RETENTION_TIME=0"));
        try {
            t.jdbc.update("create table scratch (id varchar(36) primary key, v varchar(400))");
            String value = "v".repeat(300);
            for (int i = 0; i < 3_000; i++) { // one commit each, random keys, like tokens
                t.jdbc.update(
                        "insert into scratch (id, v) values (?, ?)",
                        UUID.randomUUID().toString(),
                        value);
            }
            Path file = dir.resolve("cardvault.mv.db");
            long grown = Files.size(file);
            int sparse = chunksFillRate(t);
            // no call from the test: the housekeeping thread runs by itself, and with no commits
            // coming its rounds are idle ones, which rewrite chunks to IDLE_TARGET_FILL_RATE and
            // shrink the file (a load ending with chunks just above TARGET_FILL_RATE live made
            // the earlier version of this test flaky: nothing below the load's target, nothing
            // done, a file of twice to three times the data)
            long deadline = System.nanoTime() + 20_000_000_000L;
            long now = grown;
            int dense = sparse;
            while (System.nanoTime() < deadline
                    && (now > grown / 2
                            || dense < EmbeddedStoreHousekeeping.IDLE_TARGET_FILL_RATE)) {
                Thread.sleep(250);
                now = Files.size(file);
                dense = chunksFillRate(t);
            }
            String seen =
                    "file "
                            + grown
                            + " -> "
                            + now
                            + " bytes, live share of the chunks "
                            + sparse
                            + " -> "
                            + dense
                            + " %";
            assertTrue(dense >= EmbeddedStoreHousekeeping.IDLE_TARGET_FILL_RATE, seen);
            assertTrue(now <= grown / 2, seen);
            assertEquals(
                    3_000,
                    t.jdbc.queryOne("select count(*) from scratch", rs -> rs.getInt(1))
                            .orElseThrow());
        } finally {
            t.close();
        }
    }

    @Test
    void idleRoundsStopRewritingOnceTheChunksThatHoldDataAreDense() throws Exception {
        // H2 with Database's settings, but a retention time of 2 s instead of 10 to keep the test
        // short, and no Database: its scheduled rounds would run beside the ones called here
        String url =
                Database.withDurability("jdbc:h2:file:" + dir.resolve("rounds"))
                        .replace("RETENTION_TIME=10000", "RETENTION_TIME=2000");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
                java.sql.Statement st = c.createStatement()) {
            st.execute("create table scratch (id varchar(36) primary key, v varchar(400))");
            st.execute("create table lease (id int primary key, v bigint)");
            st.execute("insert into lease values (1, 0)");
            String value = "v".repeat(300);
            try (java.sql.PreparedStatement insert =
                    c.prepareStatement("insert into scratch (id, v) values (?, ?)")) {
                for (int i = 0; i < 3_000; i++) { // one commit each, random keys, like tokens
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, value);
                    insert.executeUpdate();
                }
            }
            // idle rounds as the housekeeping thread runs them, 4 a second, with one commit a
            // second beside them (the key jobs' lease does that on a server). The old copies of
            // what a round rewrote wait out the retention time; the rounds must not take them for
            // sparse chunks and rewrite dense ones again and again.
            StringBuilder rounds = new StringBuilder();
            int rewrites = 0;
            int lateRewrites = 0;
            for (int round = 0; round < 48; round++) {
                if (round % 4 == 0) {
                    st.executeUpdate("update lease set v = v + 1");
                }
                boolean rewrote = EmbeddedStoreHousekeeping.run(c, true);
                rounds.append(rewrote ? 'R' : '.');
                rewrites += rewrote ? 1 : 0;
                if (round >= 24 && rewrote) {
                    lateRewrites++;
                }
                Thread.sleep(250);
            }
            int live = EmbeddedStoreHousekeeping.liveChunksFillRate(c);
            String seen = "rounds (R: rewrote) " + rounds + ", live chunks " + live + " % live";
            // measured: 6-8 rounds rewrote, all in the first 3 s; before the fix 24 rounds, until
            // the 7th second (and a larger store never stopped)
            assertTrue(rewrites <= 12, seen);
            assertEquals(0, lateRewrites, seen);
            assertTrue(live >= EmbeddedStoreHousekeeping.IDLE_TARGET_FILL_RATE, seen);
            try (java.sql.ResultSet rs = st.executeQuery("select count(*) from scratch")) {
                assertTrue(rs.next());
                assertEquals(3_000, rs.getInt(1));
            }
        }
    }

    @Test
    void chunkFieldsReadInPlace_matchH2sOwnParser() throws Exception {
        String url = Database.withDurability("jdbc:h2:file:" + dir.resolve("fields"));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
                java.sql.Statement st = c.createStatement()) {
            st.execute("create table scratch (id varchar(36) primary key, v varchar(400))");
            for (int i = 0; i < 300; i++) { // one chunk per commit; deletes leave chunks part-live
                st.executeUpdate("insert into scratch values ('" + UUID.randomUUID() + "', 'v')");
                if (i % 3 == 0) {
                    st.executeUpdate("delete from scratch where rownum() = 1");
                }
            }
            org.h2.mvstore.FileStore<?> file = EmbeddedStoreHousekeeping.mvStore(c).getFileStore();
            long max = 0;
            long live = 0;
            int chunks = 0;
            int partLive = 0;
            for (java.util.Map.Entry<String, String> e : file.getLayoutMap().entrySet()) {
                if (!e.getKey().startsWith("chunk.")) {
                    continue;
                }
                chunks++;
                java.util.Map<String, String> parsed =
                        org.h2.mvstore.DataUtils.parseMap(e.getValue());
                for (String key : parsed.keySet()) {
                    String v = parsed.get(key);
                    long expected;
                    try {
                        expected = org.h2.mvstore.DataUtils.parseHexLong(v);
                    } catch (RuntimeException notHex) {
                        continue;
                    }
                    assertEquals(
                            expected,
                            EmbeddedStoreHousekeeping.hexField(e.getValue(), key),
                            key + " in " + e.getValue());
                }
                for (String absent : new String[] {"liveMax", "livePages", "nope", "ax", "m"}) {
                    if (!parsed.containsKey(absent)) {
                        assertEquals(-1, EmbeddedStoreHousekeeping.hexField(e.getValue(), absent));
                    }
                }
                // the computation as it was, with H2's parser
                String size = parsed.get("max");
                String livePages = parsed.get("livePages");
                if (size == null
                        || livePages != null
                                && org.h2.mvstore.DataUtils.parseHexLong(livePages) == 0) {
                    continue;
                }
                long chunkMax = org.h2.mvstore.DataUtils.parseHexLong(size);
                String liveMax = parsed.get("liveMax");
                partLive += liveMax != null ? 1 : 0;
                max += chunkMax;
                live += liveMax == null ? chunkMax : org.h2.mvstore.DataUtils.parseHexLong(liveMax);
            }
            assertTrue(chunks > 10, "chunks " + chunks);
            assertTrue(partLive > 0, "no part-live chunk to compare");
            assertEquals(
                    max == 0 ? 100 : (int) (100 * live / max),
                    EmbeddedStoreHousekeeping.liveChunksFillRate(c));
        }
    }

    private static int chunksFillRate(TestDatabase t) throws java.sql.SQLException {
        try (java.sql.Connection c = t.database.dataSource().getConnection()) {
            return EmbeddedStoreHousekeeping.chunksFillRate(c);
        }
    }
}
