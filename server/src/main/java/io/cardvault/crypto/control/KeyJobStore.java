package io.cardvault.crypto.control;

import io.cardvault.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The {@code key_jobs} table: work of the key hierarchy that must run once per cluster. Row {@value
 * #REENCRYPTION} is the re-wrap job (state, target key, progress, lease); row {@value #SHRED}
 * counts deletes not yet purged from the database files. The only SQL for it.
 */
@ApplicationScoped
public class KeyJobStore {

    public static final String REENCRYPTION = "reencryption";
    public static final String SHRED = "shred";

    /** A job's row. {@code leaseUntil} is epoch millis; the owner is a node id. */
    public record Job(
            String state,
            int targetKekId,
            long total,
            long done,
            String leaseOwner,
            long leaseUntil,
            long startedAt) {
        public boolean running() {
            return "running".equals(state);
        }
    }

    @Inject Jdbc jdbc;

    public Optional<Job> find(String name) {
        return jdbc.queryOne(
                "select state, target_kek_id, total, done, lease_owner, lease_until, started_at"
                        + " from key_jobs where name = ?",
                rs ->
                        new Job(
                                rs.getString(1),
                                rs.getInt(2),
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getString(5),
                                rs.getLong(6),
                                rs.getLong(7)),
                name);
    }

    /**
     * Marks the re-encryption as running unless it already runs: the one place where two rotation
     * requests race, so exactly one of them wins (false for the other).
     */
    public boolean startReencryption(long now) {
        return jdbc.update(
                        "update key_jobs set state = 'running', total = 0, done = 0, lease_owner = null,"
                                + " lease_until = 0, started_at = ?, finished_at = null"
                                + " where name = ? and state <> 'running'",
                        now,
                        REENCRYPTION)
                == 1;
    }

    public void target(int kekId, long total) {
        jdbc.update(
                "update key_jobs set target_kek_id = ?, total = ? where name = ?",
                kekId,
                total,
                REENCRYPTION);
    }

    /** Takes or renews the lease; false when another live node holds it. */
    public boolean lease(String name, String owner, long now, long until) {
        return jdbc.update(
                        "update key_jobs set lease_owner = ?, lease_until = ? where name = ?"
                                + " and state = 'running' and (lease_owner is null or lease_owner = ? or lease_until < ?)",
                        owner,
                        until,
                        name,
                        owner,
                        now)
                == 1;
    }

    public void progress(String name, long done) {
        jdbc.update("update key_jobs set done = ? where name = ?", done, name);
    }

    public void finish(String name, long now) {
        jdbc.update(
                "update key_jobs set state = 'idle', lease_owner = null, lease_until = 0, finished_at = ?"
                        + " where name = ?",
                now,
                name);
    }

    /** Counts a delete whose old copies the next purge must remove (same transaction as it). */
    public void countDelete() {
        jdbc.update("update key_jobs set total = total + 1 where name = ?", SHRED);
    }

    /** Deletes counted but not purged yet. */
    public long pendingDeletes() {
        return find(SHRED).map(j -> j.total() - j.done()).orElse(0L);
    }

    public void purged(long upTo, long now) {
        jdbc.update(
                "update key_jobs set done = ?, finished_at = ? where name = ?", upTo, now, SHRED);
    }
}
