package io.cardvault.platform.control;

import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Payara's data grid, when this node has one. A node started with {@code --clustermode tcpip:...}
 * runs Payara's Hazelcast and finds it at JNDI {@code payara/Hazelcast}; a node started alone (the
 * bundle's default, {@code --nocluster}) has at most a member that joins nobody, and every {@link
 * ExpiringMap} is then local. Maps get one synchronous backup on another member, binary in-memory
 * format, and no map store: a value lives in memory only and survives the death of any one node.
 */
@ApplicationScoped
public class Grid {

    private static final Logger LOG = Logger.getLogger(Grid.class.getName());
    static final String JNDI_NAME = "payara/Hazelcast";

    private final ConcurrentHashMap<String, ExpiringMap> maps = new ConcurrentHashMap<>();
    private HazelcastInstance hazelcast;

    @PostConstruct
    void find() {
        hazelcast = lookup().orElse(null);
        LOG.info(
                () ->
                        hazelcast == null
                                ? "no data grid: this node is alone; CVCs and rate limits stay in this process"
                                : "data grid: CVCs and rate limits shared with "
                                        + hazelcast.getCluster().getMembers().size()
                                        + " member(s)");
    }

    private static Optional<HazelcastInstance> lookup() {
        try {
            Object found = new InitialContext().lookup(JNDI_NAME);
            if (found instanceof HazelcastInstance hz
                    && hz.getLifecycleService().isRunning()
                    && joinsOthers(hz)) {
                return Optional.of(hz);
            }
        } catch (NamingException | LinkageError | RuntimeException noGrid) {
            // Hazelcast disabled (--nocluster): this node is alone
        }
        return Optional.empty();
    }

    /**
     * Payara starts a Hazelcast member even for {@code --nocluster} (a grid of one that joins
     * nobody); only a member told to join others, by a TCP/IP member list, is a cluster.
     */
    private static boolean joinsOthers(HazelcastInstance hz) {
        var join = hz.getConfig().getNetworkConfig().getJoin();
        return join.getTcpIpConfig().isEnabled()
                || join.getMulticastConfig().isEnabled()
                || hz.getCluster().getMembers().size() > 1;
    }

    public boolean clustered() {
        return hazelcast != null;
    }

    /** Not ready when clustered and the grid member has stopped; a lone node is always fine. */
    public Optional<String> problem() {
        if (hazelcast == null) {
            return Optional.empty();
        }
        try {
            return hazelcast.getLifecycleService().isRunning()
                    ? Optional.empty()
                    : Optional.of("data grid member not running");
        } catch (RuntimeException e) {
            return Optional.of("data grid unreachable");
        }
    }

    public int members() {
        return hazelcast == null ? 1 : hazelcast.getCluster().getMembers().size();
    }

    /**
     * Sends {@code message} to every other member on the topic {@code name} (a no-op when alone).
     * Messages are strings, so no application class travels between nodes.
     */
    public void broadcast(String name, String message) {
        if (hazelcast != null) {
            hazelcast.<String>getTopic(name).publish(message);
        }
    }

    /** Calls {@code listener} with every message another member sends on the topic {@code name}. */
    public void listen(String name, java.util.function.Consumer<String> listener) {
        if (hazelcast == null) {
            return;
        }
        var local = hazelcast.getCluster().getLocalMember();
        hazelcast
                .<String>getTopic(name)
                .addMessageListener(
                        m -> {
                            if (!local.equals(m.getPublishingMember())) {
                                listener.accept(m.getMessageObject());
                            }
                        });
    }

    /** The map of that name (in memory only, one backup when clustered). */
    public ExpiringMap map(String name) {
        return maps.computeIfAbsent(name, this::open);
    }

    private ExpiringMap open(String name) {
        if (hazelcast == null) {
            return new LocalExpiringMap(Clock.systemUTC());
        }
        hazelcast
                .getConfig()
                .addMapConfig(
                        new MapConfig(name)
                                .setBackupCount(1)
                                .setAsyncBackupCount(0)
                                .setInMemoryFormat(InMemoryFormat.BINARY)
                                .setTimeToLiveSeconds(24 * 3600));
        return new GridExpiringMap(hazelcast.getMap(name));
    }
}
