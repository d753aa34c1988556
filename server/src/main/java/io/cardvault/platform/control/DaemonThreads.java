package io.cardvault.platform.control;

import java.util.concurrent.ThreadFactory;

/**
 * Threads of cardvault's own background work: named, so a thread dump tells them apart, and daemon.
 */
public final class DaemonThreads {

    private DaemonThreads() {}

    /** A factory of daemon threads all called {@code name}. */
    public static ThreadFactory named(String name) {
        return work -> {
            Thread t = new Thread(work, name);
            t.setDaemon(true);
            return t;
        };
    }
}
