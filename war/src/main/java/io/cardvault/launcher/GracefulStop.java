package io.cardvault.launcher;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SIGTERM drains before Payara Micro stops anything. The JVM's default answer to SIGTERM runs every
 * shutdown hook at once, and Payara's hook undeploys the application while requests are still
 * running and new ones arrive (they got {@code 500} from the half-undeployed web module). This
 * handler first runs the application's drain, which it published under the system property {@link
 * #DRAIN} (readiness down, new requests {@code 503} with {@code Retry-After}, requests in flight
 * finish, at most 20 s), and only then exits, so Payara's hooks find nothing running.
 */
final class GracefulStop {

    /**
     * The key under which the application puts its drain ({@code Runnable}) into the properties.
     */
    static final String DRAIN = "cardvault.drain";

    private static final Logger LOG = Logger.getLogger(GracefulStop.class.getName());

    private GracefulStop() {}

    static void install() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> stopInOwnThread());
        } catch (IllegalArgumentException | LinkageError unsupported) {
            // no signal support here: the JVM's default (shutdown hooks) stays
        }
    }

    private static void stopInOwnThread() {
        Thread stopper = new Thread(GracefulStop::drainThenExit, "cardvault-sigterm");
        stopper.setDaemon(false);
        stopper.start();
    }

    private static void drainThenExit() {
        Object drain = System.getProperties().get(DRAIN);
        if (drain instanceof Runnable r) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "drain failed: {0}", e.getClass().getName());
            }
        }
        System.exit(0);
    }
}
