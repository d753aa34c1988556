package io.cardvault.forwarding.http;

import io.cardvault.platform.control.Counters;
import io.cardvault.platform.entity.CommonProblem;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.entity.TenantId;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounded concurrency per tenant: a slow or dead PSP can tie up at most {@code
 * cardvault.forward.max-concurrent-per-tenant} request threads of one tenant; the next forward gets
 * 429 at once instead of queueing until the server runs out of threads. Each refusal counts in
 * {@code cardvault_ratelimit_rejections_total{operation="forward"}}.
 */
@ApplicationScoped
public class TenantPermits {

    private final ConcurrentHashMap<TenantId, Semaphore> permits = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "cardvault.forward.max-concurrent-per-tenant", defaultValue = "32")
    int maxConcurrent;

    /** Counts one refusal; replaced in tests. */
    Runnable rejected = () -> Counters.increment(Counters.RATE_LIMIT_REJECTIONS, OPERATION);

    private static final String[] OPERATION = {"operation", "forward"};

    /** The refusals' series exists (at 0) from the start, as the tokenization one does. */
    void declare(
            @Observes
                    @Priority(Interceptor.Priority.APPLICATION + 300)
                    @Initialized(ApplicationScoped.class)
                    Object applicationStarted) {
        Counters.declare(Counters.RATE_LIMIT_REJECTIONS, OPERATION);
    }

    public AutoCloseable acquire(TenantId tenantId) {
        Semaphore s =
                permits.computeIfAbsent(tenantId, t -> new Semaphore(Math.max(1, maxConcurrent)));
        if (!s.tryAcquire()) {
            rejected.run();
            throw ProblemException.limited(
                    CommonProblem.RATE_LIMITED,
                    "too many forwards in flight for this tenant (limit "
                            + maxConcurrent
                            + "); retry shortly",
                    Duration.ofSeconds(1));
        }
        return s::release;
    }
}
