package io.cardvault.platform.control;

import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import java.util.function.Consumer;

/**
 * Every use of Hazelcast's API, kept out of {@link Grid}'s fields and signatures: on a server
 * without Hazelcast (WildFly) the CDI container must be able to load {@link Grid} itself, and only
 * this class, never loaded there, names Hazelcast types.
 */
final class HazelcastMember {

    private final HazelcastInstance hazelcast;

    private HazelcastMember(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
    }

    /**
     * The member bound at {@code found}, if it is a running Hazelcast member that joins others (or
     * {@code required}, for a node started with {@code --clustermode}); else null.
     */
    static HazelcastMember of(Object found, boolean required) {
        if (found instanceof HazelcastInstance hz && hz.getLifecycleService().isRunning()) {
            if (required || joinsOthers(hz)) {
                return new HazelcastMember(hz);
            }
        }
        return null;
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

    boolean running() {
        return hazelcast.getLifecycleService().isRunning();
    }

    int members() {
        return hazelcast.getCluster().getMembers().size();
    }

    ExpiringMap map(String name) {
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

    void broadcast(String topic, String message) {
        hazelcast.<String>getTopic(topic).publish(message);
    }

    void listen(String topic, Consumer<String> listener) {
        var local = hazelcast.getCluster().getLocalMember();
        hazelcast
                .<String>getTopic(topic)
                .addMessageListener(
                        m -> {
                            if (!local.equals(m.getPublishingMember())) {
                                listener.accept(m.getMessageObject());
                            }
                        });
    }
}
