package io.cardvault.platform.control;

import java.sql.Connection;
import java.sql.SQLException;
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
     * chunks are less than {@link #TARGET_FILL_RATE} % live ({@link #IDLE_TARGET_FILL_RATE} when
     * idle), commits them, and frees the chunks that are dead and older than the retention time,
     * whose space the next commits reuse. When {@code idle} (hardly a commit since the last round)
     * and less than {@link #SHRINK_BELOW_FILL_RATE} % of the file is in use, it also moves chunks
     * (up to {@link #MOVE_LIMIT_BYTES}) to the front and truncates the file; H2 syncs the file
     * before it overwrites or truncates anything there. Everything runs under H2's own store lock,
     * as its background thread would. ({@code MVStore.compactFile} is not used: it sets the
     * retention time to 0 for good.)
     */
    static void run(Connection c, boolean idle) throws SQLException {
        MVStore store = mvStore(c);
        FileStore<?> file = store.getFileStore();
        boolean rewritten =
                idle
                        ? file.compact(IDLE_TARGET_FILL_RATE, IDLE_WRITE_LIMIT_BYTES)
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
    }

    /** Percentage of live bytes in the store's chunks (100: nothing to reclaim). */
    static int chunksFillRate(Connection c) throws SQLException {
        return mvStore(c).getFileStore().getChunksFillRate();
    }

    private static MVStore mvStore(Connection c) throws SQLException {
        SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }
}
