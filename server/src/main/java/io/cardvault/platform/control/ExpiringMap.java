package io.cardvault.platform.control;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Short-lived values and counters, in memory only: in this process when the node is alone, in
 * Payara's data grid (one backup copy on another member) when it is clustered. Never written to
 * disk. Keys are strings and values plain bytes or counters, so no application class ever has to
 * travel between nodes.
 */
public interface ExpiringMap {

    void put(String key, byte[] value, Duration ttl);

    Optional<byte[]> get(String key);

    void remove(String key);

    /** Entries held (in a cluster: across the grid), for the metrics gauge. */
    int size();

    /** A map in this process only (a lone node, and tests). */
    static ExpiringMap local(Clock clock) {
        return new LocalExpiringMap(clock);
    }

    /** Adds one to the counter at {@code key} (created at 1, living {@code ttl}); the new value. */
    long increment(String key, Duration ttl);
}
