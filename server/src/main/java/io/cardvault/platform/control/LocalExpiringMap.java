package io.cardvault.platform.control;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The single-node {@link ExpiringMap}: a concurrent map swept of expired entries as it grows. */
final class LocalExpiringMap implements ExpiringMap {

    private record Entry(byte[] value, long count, long expiresAt) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    LocalExpiringMap(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        entries.put(key, new Entry(value.clone(), 0, clock.millis() + ttl.toMillis()));
        sweepOccasionally();
    }

    @Override
    public Optional<byte[]> get(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (e.expiresAt() <= clock.millis()) {
            entries.remove(key, e);
            return Optional.empty();
        }
        return Optional.ofNullable(e.value()).map(byte[]::clone);
    }

    @Override
    public void remove(String key) {
        entries.remove(key);
    }

    @Override
    public long increment(String key, Duration ttl) {
        long now = clock.millis();
        Entry e =
                entries.compute(
                        key,
                        (k, old) ->
                                old == null || old.expiresAt() <= now
                                        ? new Entry(null, 1, now + ttl.toMillis())
                                        : new Entry(null, old.count() + 1, old.expiresAt()));
        sweepOccasionally();
        return e.count();
    }

    private void sweepOccasionally() {
        if (entries.size() % 1024 == 0) {
            long now = clock.millis();
            entries.entrySet().removeIf(en -> en.getValue().expiresAt() <= now);
        }
    }

    @Override
    public int size() {
        return entries.size();
    }
}
