package io.cardvault.crypto.control;

import io.cardvault.platform.control.Database;
import io.cardvault.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The purge that completes crypto-shredding. Deleting a token nulls its wrapped data key in the
 * same transaction, but databases keep old copies of rows: H2's MVStore writes whole pages
 * copy-on-write and leaves the old ones in the file; PostgreSQL leaves dead tuples until VACUUM and
 * the inserts in its WAL. The purge removes those copies: the embedded database is rewritten into
 * fresh files ({@code SHUTDOWN COMPACT}), PostgreSQL's {@code tokens} (whose rows hold the wrapped
 * keys since V80) is rewritten with {@code VACUUM FULL} (WAL: see docs/security.md). It runs when
 * deletes are pending, at most every {@code cardvault.shred.interval}, and on demand ({@code POST
 * /api/v1/admin/keys/purge}).
 */
@ApplicationScoped
public class KeyShredder {

    private static final Logger LOG = Logger.getLogger(KeyShredder.class.getName());

    @Inject KeyJobStore jobs;

    @Inject Database database;

    @Inject Jdbc jdbc;

    public long pending() {
        return jobs.pendingDeletes();
    }

    /** Purges now; returns the number of deletes it made final. */
    public synchronized long purge() {
        KeyJobStore.Job before = jobs.find(KeyJobStore.SHRED).orElseThrow();
        long started = System.nanoTime();
        if (database.embedded()) {
            database.rewriteEmbeddedFiles();
        } else {
            jdbc.update("vacuum full tokens");
        }
        jobs.purged(before.total(), System.currentTimeMillis());
        long purged = before.total() - before.done();
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(
                () ->
                        "key store purged: old copies of "
                                + purged
                                + " deleted data keys removed in "
                                + millis
                                + " ms");
        return purged;
    }
}
