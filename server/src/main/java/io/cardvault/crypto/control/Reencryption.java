package io.cardvault.crypto.control;

import io.cardvault.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * The re-encryption after a data key rotation: every token's data key is re-wrapped under the new
 * primary KEK, {@value #BATCH} per short transaction (row locks only, never a table lock). Progress
 * is in the database, so a restarted node resumes where the job stopped, and a lease row lets only
 * one node work at a time; a node that dies loses its lease after {@value #LEASE_MILLIS} ms. The
 * card ciphertexts themselves do not change: they are under the per-token data keys.
 */
@ApplicationScoped
public class Reencryption {

    private static final Logger LOG = Logger.getLogger(Reencryption.class.getName());

    static final int BATCH = 200;
    static final long LEASE_MILLIS = 30_000;

    @Inject KeyJobStore jobs;

    @Inject DataKeyStore store;

    @Inject DataKeys dataKeys;

    @Inject Keyring keyring;

    @Inject Jdbc jdbc;

    /**
     * Does one batch if the job runs and this node holds (or takes) the lease.
     *
     * @return whether there is more to do right away
     */
    public boolean step(String node) {
        KeyJobStore.Job job = jobs.find(KeyJobStore.REENCRYPTION).orElse(null);
        if (job == null || !job.running()) {
            return false;
        }
        long now = System.currentTimeMillis();
        if (!jobs.lease(KeyJobStore.REENCRYPTION, node, now, now + LEASE_MILLIS)) {
            return false;
        }
        int target = job.targetKekId();
        if (keyring.primaryKeyId() != target) {
            keyring.refresh(); // rotated on another node
        }
        if (keyring.primaryKeyId() != target) {
            LOG.warning("re-encryption paused: this node does not see the new primary key yet");
            return false;
        }
        List<DataKeyStore.Row> batch = store.notUnder(target, BATCH);
        if (batch.isEmpty()) {
            jobs.finish(KeyJobStore.REENCRYPTION, now);
            long seconds = Math.max(1, (now - job.startedAt()) / 1000);
            LOG.info(
                    () ->
                            "re-encryption finished: "
                                    + job.done()
                                    + " data keys re-wrapped under key "
                                    + Integer.toUnsignedString(target)
                                    + " in about "
                                    + seconds
                                    + " s");
            return false;
        }
        jdbc.inTransaction(
                () -> {
                    for (DataKeyStore.Row row : batch) {
                        dataKeys.rewrap(row, target);
                    }
                });
        long done = job.done() + batch.size();
        long total = Math.max(job.total(), done);
        jobs.progress(KeyJobStore.REENCRYPTION, done);
        logDecile(job.done(), done, total);
        return true;
    }

    static void logDecile(long before, long after, long total) {
        if (total <= 0) {
            return;
        }
        long from = before * 10 / total;
        long to = after * 10 / total;
        if (to > from) {
            LOG.info(
                    () ->
                            "re-encryption: "
                                    + Math.min(100, to * 10)
                                    + " % ("
                                    + after
                                    + " of "
                                    + total
                                    + " data keys)");
        }
    }
}
