package io.cardvault.platform.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Graceful shutdown. On SIGTERM (the bundle's launcher calls {@link #drain} before it exits; on
 * other servers a JVM shutdown hook does) the node stops taking requests at once — readiness goes
 * down and new requests get 503 with {@code Retry-After} — while the requests already in flight run
 * to their end; application beans (the database pool, the forward client) are only destroyed after
 * that, or after {@link #GRACE} at the latest, well inside the 30 s an orchestrator waits before
 * SIGKILL.
 */
@ApplicationScoped
public class Drain {

    private static final Logger LOG = Logger.getLogger(Drain.class.getName());
    static final Duration GRACE = Duration.ofSeconds(20);
    static final String LAUNCHER_HOOK = "cardvault.drain";

    @Inject
    @ConfigProperty(name = "cardvault.shutdown.drain-delay", defaultValue = "PT2S")
    String drainDelay;

    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;
    private Thread hook;

    void start(
            @Observes
                    @Priority(Interceptor.Priority.PLATFORM_BEFORE)
                    @Initialized(ApplicationScoped.class)
                    Object applicationStarted) {
        hook = new Thread(this::drain, "cardvault-drain");
        Runtime.getRuntime().addShutdownHook(hook);
        // the bundle's launcher runs this on SIGTERM before it lets Payara stop anything
        // (io.cardvault.launcher.GracefulStop); on other servers the shutdown hook above is all
        System.getProperties().put(LAUNCHER_HOOK, (Runnable) this::drain);
    }

    /** Before any application-scoped bean is destroyed (undeploy or shutdown). */
    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationStopping) {
        drain();
        System.getProperties().remove(LAUNCHER_HOOK);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException | NullPointerException done) {
            // the JVM is already shutting down, or the hook never ran
        }
    }

    /** Counts a request in; false when draining (the caller answers 503). */
    public boolean enter() {
        inFlight.incrementAndGet();
        if (draining) {
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    public void exit() {
        inFlight.decrementAndGet();
    }

    public boolean draining() {
        return draining;
    }

    synchronized void drain() {
        long deadline = System.nanoTime() + GRACE.toNanos();
        if (!draining) {
            draining = true;
            LOG.info(
                    () ->
                            "shutting down: readiness down, new requests get 503; "
                                    + inFlight.get()
                                    + " in flight");
            // let load balancers see readiness down before the listener goes away
            sleep(delay());
        }
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(50));
        }
    }

    private Duration delay() {
        try {
            Duration d = Duration.parse(drainDelay);
            return d.isNegative() ? Duration.ZERO : d.compareTo(GRACE) > 0 ? GRACE : d;
        } catch (RuntimeException e) {
            return Duration.ofSeconds(2);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
