package io.cardvault.platform.control;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A read-through cache of database lookups (an API key's row, a tenant) that forgets an entry as
 * soon as an {@link Invalidations} message names it, and after {@code ttl} in any case (a bound for
 * a message that never arrived). Only found values are kept: an unknown key goes to the database
 * every time, so guessing keys cannot fill the memory, and a new row needs no invalidation.
 *
 * <p>A lookup that read the database while an invalidation of the same cache ran does not store
 * what it read (it may be the row from before the change): every invalidation advances {@code
 * generation} inside the map's per-key lock, and a load stores its value only if the generation is
 * still the one it started with, in that same lock. So after {@link Invalidations#publish} returns,
 * no lookup on this node answers from the old row.
 *
 * @param <V> an immutable value
 */
public final class LookupCache<V> {

    private record Entry<V>(V value, long expiresAt) {}

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long ttlNanos;
    private final int maxEntries;
    private final boolean enabled;

    /**
     * @param ttl how long an entry may be used without an invalidation; zero switches caching off
     * @param maxEntries above this many entries the cache starts afresh (tenants and keys are few)
     */
    public LookupCache(String name, Invalidations invalidations, Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.enabled = ttlNanos > 0 && invalidations.reachesAllNodes();
        invalidations.subscribe(name, this::invalidate);
    }

    /** The cached value of {@code key}, or what {@code load} finds (kept when present). */
    public Optional<V> get(String key, Function<String, Optional<V>> load) {
        if (!enabled) {
            return load.apply(key);
        }
        long now = System.nanoTime();
        Entry<V> e = entries.get(key);
        if (e != null && now - e.expiresAt() < 0) {
            return Optional.of(e.value());
        }
        long started = generation.get();
        Optional<V> loaded = load.apply(key);
        if (loaded.isPresent()) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            Entry<V> fresh = new Entry<>(loaded.get(), now + ttlNanos);
            entries.compute(key, (k, old) -> generation.get() == started ? fresh : old);
        } else if (e != null) {
            entries.remove(key, e);
        }
        return loaded;
    }

    /** Drops {@code key}, or everything for {@link Invalidations#ALL}. */
    void invalidate(String key) {
        if (Invalidations.ALL.equals(key)) {
            generation.incrementAndGet();
            entries.clear();
            return;
        }
        entries.compute(
                key,
                (k, old) -> {
                    generation.incrementAndGet();
                    return null;
                });
    }

    public boolean enabled() {
        return enabled;
    }

    public int size() {
        return entries.size();
    }
}
