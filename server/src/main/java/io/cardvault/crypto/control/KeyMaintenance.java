package io.cardvault.crypto.control;

import io.cardvault.platform.control.DaemonThreads;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One background thread per node for the key hierarchy: it works on the re-encryption while this
 * node holds its lease (and so resumes a job that a stopped node left), and runs the purge when
 * deletes are pending, at most every {@code cardvault.shred.interval} (default PT1H).
 */
@ApplicationScoped
public class KeyMaintenance {

    private static final Logger LOG = Logger.getLogger(KeyMaintenance.class.getName());
    private static final long SLICE_MILLIS = 5_000;

    private final String node = UUID.randomUUID().toString();

    @Inject Reencryption reencryption;

    @Inject KeyShredder shredder;

    @Inject
    @ConfigProperty(name = "cardvault.shred.interval", defaultValue = "PT1H")
    String shredInterval;

    private ScheduledExecutorService executor;
    private volatile long lastPurge = System.currentTimeMillis();

    void start(
            @Observes
                    @Priority(Interceptor.Priority.APPLICATION + 300)
                    @Initialized(ApplicationScoped.class)
                    Object applicationStarted) {
        executor =
                Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("cardvault-keys"));
        executor.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** Starts work now instead of at the next tick (after a rotation). */
    public void wake() {
        if (executor != null) {
            executor.execute(this::tick);
        }
    }

    void tick() {
        try {
            long sliceEnd = System.currentTimeMillis() + SLICE_MILLIS;
            while (System.currentTimeMillis() < sliceEnd && reencryption.step(node)) {
                // one batch per step
            }
            long interval = Duration.parse(shredInterval).toMillis();
            if (System.currentTimeMillis() - lastPurge >= interval && shredder.pending() > 0) {
                shredder.purge();
                lastPurge = System.currentTimeMillis();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "key maintenance failed; retrying at the next tick", e);
        }
    }

    @PreDestroy
    void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
