package io.cardvault.platform.control;

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
 * bundle's default, {@code --nohazelcast}) has no member, and every {@link ExpiringMap} is then
 * local. Maps get one synchronous backup on another member, binary in-memory format, and no map
 * store: a value lives in memory only and survives the death of any one node.
 */
@ApplicationScoped
public class Grid {

    private static final Logger LOG = Logger.getLogger(Grid.class.getName());
    static final String JNDI_NAME = "payara/Hazelcast";

    private final ConcurrentHashMap<String, ExpiringMap> maps = new ConcurrentHashMap<>();
    private HazelcastMember hazelcast;

    /** Set by the bundle's launcher when the node was started with {@code --clustermode}. */
    static final String CLUSTER_PROPERTY = "cardvault.clustermode";

    /** Resolved at deployment: a node that should be clustered and is not fails to deploy. */
    void startEagerly(
            @jakarta.enterprise.event.Observes
                    @jakarta.annotation.Priority(
                            jakarta.interceptor.Interceptor.Priority.APPLICATION + 50)
                    @jakarta.enterprise.context.Initialized(ApplicationScoped.class)
                    Object applicationStarted) {
        clustered();
        Counters.gauge(MEMBERS_GAUGE, this::reachableMembers);
    }

    /** The gauge of the grid's size in {@code /metrics}: see {@link #reachableMembers()}. */
    static final String MEMBERS_GAUGE = "cardvault_grid_members";

    /**
     * Members of the grid as this node sees them, for the gauge: 1 for a node that is alone, the
     * members of its cluster (itself included), 0 when its grid member has stopped or cannot be
     * asked. A value below the cluster's size is a node that has lost the others.
     */
    int reachableMembers() {
        try {
            return hazelcast == null ? 1 : hazelcast.running() ? hazelcast.members() : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    @PostConstruct
    void find() {
        hazelcast =
                System.getProperty(CLUSTER_PROPERTY) != null
                        ? awaitClusterMember()
                        : lookup().orElse(null);
        LOG.info(
                () ->
                        hazelcast == null
                                ? "no data grid: this node is alone; CVCs and rate limits stay in this process"
                                : "data grid: CVCs and rate limits shared with "
                                        + hazelcast.members()
                                        + " member(s)");
    }

    /**
     * A node started with {@code --clustermode} must use the grid: waits (at most 120 s) for
     * Payara's member, and stops the deployment with a clear message if it never appears, rather
     * than running as a lone node that would keep CVCs and rate limits to itself.
     */
    private static HazelcastMember awaitClusterMember() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        String last = "not looked up yet";
        while (System.nanoTime() < deadline) {
            try {
                Object found = new InitialContext().lookup(JNDI_NAME);
                HazelcastMember member = HazelcastMember.of(found, true);
                if (member != null) {
                    return member;
                }
                last = found == null ? "nothing bound" : "member not running";
            } catch (NamingException | LinkageError | RuntimeException e) {
                last = e.getClass().getSimpleName();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException(
                "started with --clustermode, but Payara's data grid ("
                        + JNDI_NAME
                        + ") is not available: "
                        + last);
    }

    private static Optional<HazelcastMember> lookup() {
        try {
            Object found = new InitialContext().lookup(JNDI_NAME);
            return Optional.ofNullable(HazelcastMember.of(found, false));
        } catch (NamingException | LinkageError | RuntimeException noGrid) {
            // no Hazelcast here (--nohazelcast, or a server without it): this node is alone
            return Optional.empty();
        }
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
            return hazelcast.running()
                    ? Optional.empty()
                    : Optional.of("data grid member not running");
        } catch (RuntimeException e) {
            return Optional.of("data grid unreachable");
        }
    }

    public int members() {
        return hazelcast == null ? 1 : hazelcast.members();
    }

    /**
     * Sends {@code message} to every other member on the topic {@code name} (a no-op when alone).
     * Messages are strings, so no application class travels between nodes.
     */
    public void broadcast(String name, String message) {
        if (hazelcast != null) {
            hazelcast.broadcast(name, message);
        }
    }

    /** Calls {@code listener} with every message another member sends on the topic {@code name}. */
    public void listen(String name, java.util.function.Consumer<String> listener) {
        if (hazelcast == null) {
            return;
        }
        hazelcast.listen(name, listener);
    }

    /** The map of that name (in memory only, one backup when clustered). */
    public ExpiringMap map(String name) {
        return maps.computeIfAbsent(name, this::open);
    }

    private ExpiringMap open(String name) {
        if (hazelcast == null) {
            return new LocalExpiringMap(Clock.systemUTC());
        }
        return hazelcast.map(name);
    }
}
