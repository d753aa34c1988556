package io.cardvault.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Invalidations: {@link #publish} calls this node's listeners of the cache on the calling thread,
 * so the entry is gone here when the revoking request returns, and, on a clustered node, sends the
 * same message over the data grid (topic {@value #TOPIC}), whose members deliver it to their own
 * listeners as it arrives. A message is {@code <cache name> NUL <key>}: names and lookup keys only.
 */
@ApplicationScoped
public class LocalInvalidations implements Invalidations {

    private static final Logger LOG = Logger.getLogger(LocalInvalidations.class.getName());

    static final String TOPIC = "cardvault-invalidations";
    private static final char SEPARATOR = '\0';

    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

    @jakarta.inject.Inject Grid grid;

    /**
     * Created at deployment, after {@link Grid} (whose observer has priority {@code APPLICATION +
     * 50}): a clustered node registers its grid listener before it reports ready, instead of inside
     * its first admin or key request (a registration reaches every member, and that request would
     * wait for it while holding its database transaction).
     */
    void startEagerly(
            @jakarta.enterprise.event.Observes
                    @jakarta.annotation.Priority(
                            jakarta.interceptor.Interceptor.Priority.APPLICATION + 60)
                    @jakarta.enterprise.context.Initialized(ApplicationScoped.class)
                    Object applicationStarted) {
        // the container created this bean (and ran joinGrid) to deliver the event
    }

    /** False when this clustered node could not subscribe to the other nodes' invalidations. */
    private volatile boolean hearsOthers = true;

    /**
     * Subscribes to the other members' invalidations. Should the grid refuse the subscription, the
     * node still starts, but says (once, in the log) that it will not hear them, and {@link
     * #reachesAllNodes} is false: its lookup caches then cache nothing, so a key revoked on another
     * node is refused here too.
     */
    @jakarta.annotation.PostConstruct
    void joinGrid() {
        if (grid == null) {
            return;
        }
        try {
            grid.listen(
                    TOPIC,
                    message -> {
                        int at = message.indexOf(SEPARATOR);
                        if (at > 0) {
                            deliver(message.substring(0, at), message.substring(at + 1));
                        }
                    });
        } catch (RuntimeException e) {
            hearsOthers = false;
            LOG.warning(
                    "could not subscribe to the data grid's invalidations ("
                            + e.getClass().getSimpleName()
                            + "): key and tenant lookups on this node are not cached");
        }
    }

    @Override
    public void publish(String cacheName, String key) {
        deliver(cacheName, key);
        if (grid != null) {
            grid.broadcast(TOPIC, cacheName + SEPARATOR + key);
        }
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

    /**
     * Alone, or clustered with the grid carrying the messages both ways; false if this node could
     * not subscribe to the other members' messages.
     */
    @Override
    public boolean reachesAllNodes() {
        return hearsOthers;
    }
}
