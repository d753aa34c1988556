package io.cardvault.platform.control;

import com.hazelcast.map.IMap;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The clustered {@link ExpiringMap}: a Hazelcast {@code IMap} of Payara's data grid, configured by
 * {@link Grid} with one synchronous backup and no map store (memory only). Counters are
 * compare-and-set loops on {@code Long} values, so no application class is serialized.
 */
final class GridExpiringMap implements ExpiringMap {

    private final IMap<String, Object> map;

    GridExpiringMap(IMap<String, Object> map) {
        this.map = map;
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        map.set(key, value, ttl.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Optional<byte[]> get(String key) {
        return map.get(key) instanceof byte[] b ? Optional.of(b) : Optional.empty();
    }

    @Override
    public void remove(String key) {
        map.delete(key);
    }

    @Override
    public long increment(String key, Duration ttl) {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            Object old = map.putIfAbsent(key, 1L, ttl.toMillis(), TimeUnit.MILLISECONDS);
            if (old == null) {
                return 1;
            }
            long next = ((Long) old) + 1;
            if (map.replace(key, old, next)) {
                return next;
            }
        }
        throw new IllegalStateException("counter " + key + " too contended");
    }

    @Override
    public int size() {
        return map.size();
    }
}
