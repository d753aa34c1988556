package io.cardvault.platform.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

/**
 * The housekeeping of the embedded H2 store that {@code WRITE_DELAY=0} switches off.
 *
 * <p>H2's MVStore never overwrites a page: every commit appends a chunk with the pages it changed,
 * and a chunk's space is reused only once none of its pages is live. H2's own background thread
 * rewrites the live pages of sparse chunks so that whole chunks die; but H2 runs that thread only
 * with a write delay, and cardvault opens H2 with {@code WRITE_DELAY=0} so that a commit is in the
 * file before it is acknowledged. Without it the file grew by about 20 KB per tokenization and
 * never shrank (a random token id changes a random leaf page, which then pins a whole chunk): 5.8
 * GB after an afternoon of benchmarks. {@link Database} calls {@link #run} every {@value
 * Database#HOUSEKEEPING_MILLIS} ms.
 */
final class EmbeddedStoreHousekeeping {

    /** Chunks are rewritten while less than this share of their bytes is live. */
    static final int TARGET_FILL_RATE = 50;

    /**
     * At most this much is rewritten per round while commits go on (the rewrite holds H2's store
     * lock, so commits wait for it: 8 MB a round doubled the p99 of tokenizations at 16 clients).
     */
    static final int WRITE_LIMIT_BYTES = 1 << 20;

    /**
     * Chunks are rewritten while less than this share of their bytes is live, when idle: denser
     * than under load, so that the file comes close to the live data once the load stops (with
     * {@link #TARGET_FILL_RATE} alone a store whose chunks ended just above half live kept a file
     * two to three times its data).
     */
    static final int IDLE_TARGET_FILL_RATE = 80;

    /** At most this much is rewritten per round when idle. */
    static final int IDLE_WRITE_LIMIT_BYTES = 16 << 20;

    /** The file is shrunk, when idle, once less than this share of it is in use. */
    static final int SHRINK_BELOW_FILL_RATE = IDLE_TARGET_FILL_RATE;

    /** At most this much is moved per idle round to shrink the file. */
    static final long MOVE_LIMIT_BYTES = 16L << 20;

    private EmbeddedStoreHousekeeping() {}

    /**
     * One round of what H2's background thread does: rewrites the live pages of the sparsest chunks
     * (up to {@link #WRITE_LIMIT_BYTES}, {@link #IDLE_WRITE_LIMIT_BYTES} when idle) if the store's
     * chunks are less than {@link #TARGET_FILL_RATE} % live (when idle: if the chunks that still
     * hold live pages are less than {@link #IDLE_TARGET_FILL_RATE} % live, {@link
     * #liveChunksFillRate}), commits them, and frees the chunks that are dead and older than the
     * retention time, whose space the next commits reuse. When {@code idle} (hardly a commit since
     * the last round) and less than {@link #SHRINK_BELOW_FILL_RATE} % of the file is in use, it
     * also moves chunks (up to {@link #MOVE_LIMIT_BYTES}) to the front and truncates the file; H2
     * syncs the file before it overwrites or truncates anything there. Everything runs under H2's
     * own store lock, as its background thread would. ({@code MVStore.compactFile} is not used: it
     * sets the retention time to 0 for good.)
     *
     * @return whether the round rewrote chunks
     */
    static boolean run(Connection c, boolean idle) throws SQLException {
        MVStore store = mvStore(c);
        FileStore<?> file = store.getFileStore();
        // when idle, H2's own measure first (cheap, and never above the live chunks' one); under
        // load H2's measure alone, as tuned (1 MB a round), without reading the layout each round
        boolean rewritten =
                idle
                        ? file.getChunksFillRate() < IDLE_TARGET_FILL_RATE
                                && liveChunksFillRate(file) < IDLE_TARGET_FILL_RATE
                                && file.compact(IDLE_TARGET_FILL_RATE, IDLE_WRITE_LIMIT_BYTES)
                        : file.compact(TARGET_FILL_RATE, WRITE_LIMIT_BYTES);
        if (rewritten) {
            store.tryCommit(); // the rewritten pages go to a new chunk like any commit
        }
        store.executeFilestoreOperation(file::dropUnusedChunks);
        if (idle
                && file.getFillRate() < SHRINK_BELOW_FILL_RATE
                && file instanceof RandomAccessStore chunks) {
            chunks.compactMoveChunks(101, MOVE_LIMIT_BYTES, store);
        }
        return rewritten;
    }

    /**
     * Percentage of live bytes in the chunks that still hold at least one live page (100: nothing
     * to rewrite), from the chunks' metadata in the store's layout map.
     *
     * <p>H2's own measure ({@link FileStore#getChunksFillRate()}, which {@link FileStore#compact}
     * checks) also counts the chunks that have no live page left and wait out the retention time
     * before they are freed. After a round had rewritten 16 MB, the old copies kept that measure
     * low for the next 10 s, so every idle round rewrote another 16 MB of chunks that were dense
     * already, leaving more dead copies: with one commit a second (the key jobs' lease) the idle
     * rounds never ended. A server left idle after a load rewrote chunks for good, 20 % of a core
     * and several MB of short-lived pages per young collection (docs/performance.md, profile
     * notes).
     */
    static int liveChunksFillRate(FileStore<?> file) {
        long max = 0;
        long live = 0;
        for (Map.Entry<String, String> e : file.getLayoutMap().entrySet()) {
            if (!e.getKey().startsWith("chunk.")) {
                continue; // the maps' roots
            }
            // read in place: a round reads every chunk's entry, and an idle server runs one every
            // 250 ms (DataUtils.parseMap built a map and its strings per chunk, most of the garbage
            // an idle-but-serving server made)
            String chunk = e.getValue();
            long size = hexField(chunk, "max");
            long livePages = hexField(chunk, "livePages"); // absent: every page is live
            if (size < 0 || livePages == 0) {
                continue;
            }
            long liveMax = hexField(chunk, "liveMax"); // absent: all of it is live
            max += size;
            live += liveMax < 0 ? size : liveMax;
        }
        return max == 0 ? 100 : (int) (100 * live / max);
    }

    /**
     * The value of {@code key} in a chunk's metadata ({@code key:hex,key:hex,...}, H2's {@code
     * DataUtils.appendMap} format; chunk fields are unquoted hexadecimal numbers), or -1 if absent.
     */
    static long hexField(String meta, String key) {
        int at = 0;
        while (true) {
            int found = meta.indexOf(key, at);
            if (found < 0) {
                return -1;
            }
            int colon = found + key.length();
            if ((found == 0 || meta.charAt(found - 1) == ',')
                    && colon < meta.length()
                    && meta.charAt(colon) == ':') {
                long value = 0;
                int i = colon + 1;
                for (; i < meta.length() && meta.charAt(i) != ','; i++) {
                    int digit = Character.digit(meta.charAt(i), 16);
                    if (digit < 0) {
                        return -1;
                    }
                    value = (value << 4) | digit;
                }
                return i == colon + 1 ? -1 : value;
            }
            at = found + 1;
        }
    }

    /** {@link #liveChunksFillRate(FileStore)} of the store behind {@code c}. */
    static int liveChunksFillRate(Connection c) throws SQLException {
        return liveChunksFillRate(mvStore(c).getFileStore());
    }

    /** Percentage of live bytes in the store's chunks (100: nothing to reclaim). */
    static int chunksFillRate(Connection c) throws SQLException {
        return mvStore(c).getFileStore().getChunksFillRate();
    }

    static MVStore mvStore(Connection c) throws SQLException {
        SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }
}
