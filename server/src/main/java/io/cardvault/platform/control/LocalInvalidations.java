package io.cardvault.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Invalidations within this JVM: {@link #publish} calls the listeners of the cache on the calling
 * thread, so the entry is gone when the revoking request returns. Enough for a single node. A node
 * of a Payara cluster (data grid switched on with {@code payaramicro.noCluster=false} or {@code
 * payaramicro.noHazelcast=false}) is not alone, so there this bean answers {@link
 * #reachesAllNodes()} with false and the caches stay empty until a grid-backed subclass replaces it
 * ({@link #deliver} is what that subclass calls for messages from other members).
 */
@ApplicationScoped
public class LocalInvalidations implements Invalidations {

    private static final Logger LOG = Logger.getLogger(LocalInvalidations.class.getName());

    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

    @Override
    public void publish(String cacheName, String key) {
        deliver(cacheName, key);
    }

    @Override
    public void subscribe(String cacheName, Consumer<String> listener) {
        listeners.computeIfAbsent(cacheName, n -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** Runs this node's listeners of {@code cacheName}; a failing listener does not stop others. */
    public void deliver(String cacheName, String key) {
        for (Consumer<String> l : listeners.getOrDefault(cacheName, List.of())) {
            try {
                l.accept(key);
            } catch (RuntimeException e) {
                LOG.severe("an invalidation listener of " + cacheName + " failed: " + e);
            }
        }
    }

    @Override
    public boolean reachesAllNodes() {
        return !clustered();
    }

    static boolean clustered() {
        return "false".equalsIgnoreCase(System.getProperty("payaramicro.noCluster"))
                || "false".equalsIgnoreCase(System.getProperty("payaramicro.noHazelcast"));
    }
}
