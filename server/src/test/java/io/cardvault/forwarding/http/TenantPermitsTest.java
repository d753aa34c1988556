package io.cardvault.forwarding.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cardvault.platform.entity.CommonProblem;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.entity.TenantId;
import org.junit.jupiter.api.Test;

class TenantPermitsTest {

    private static final TenantId T1 = TenantId.random();
    private static final TenantId T2 = TenantId.random();

    private final java.util.concurrent.atomic.AtomicInteger rejections =
            new java.util.concurrent.atomic.AtomicInteger();

    private TenantPermits permits(int max) {
        TenantPermits p = new TenantPermits();
        p.maxConcurrent = max;
        p.rejected = rejections::incrementAndGet;
        return p;
    }

    @Test
    void acquire_overLimit_rateLimitedWithRetryAfter() throws Exception {
        TenantPermits p = permits(2);
        AutoCloseable a = p.acquire(T1);
        AutoCloseable b = p.acquire(T1);
        ProblemException e = assertThrows(ProblemException.class, () -> p.acquire(T1));
        assertEquals(CommonProblem.RATE_LIMITED, e.type());
        assertEquals(1, e.retryAfter().orElseThrow().toSeconds(), "Retry-After");
        assertEquals(1, rejections.get(), "counted in cardvault_ratelimit_rejections_total");
        a.close();
        assertDoesNotThrow(() -> p.acquire(T1).close());
        b.close();
        assertEquals(1, rejections.get(), "a granted forward is not counted");
    }

    @Test
    void acquire_tenantsAreIndependent() throws Exception {
        TenantPermits p = permits(1);
        AutoCloseable a = p.acquire(T1);
        assertDoesNotThrow(() -> p.acquire(T2).close());
        a.close();
    }
}
