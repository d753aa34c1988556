package io.cardvault.idempotency.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.idempotency.entity.IdempotencyKey;
import io.cardvault.idempotency.entity.IdempotencyProblem;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.entity.TenantId;
import io.cardvault.testing.Beans;
import io.cardvault.testing.MutableClock;
import io.cardvault.testing.TestVault;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdempotencyTest {

    private static final IdempotencyKey KEY = new IdempotencyKey("order-42");

    private final TenantId tenant = TenantId.random();
    private Idempotency idempotency;
    private MutableClock clock;

    @BeforeEach
    void setUp() {
        IdempotencyStore store = Beans.set(new IdempotencyStore(), "jdbc", TestVault.jdbc());
        idempotency = Beans.set(new Idempotency(), "store", store);
        clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
        idempotency.clock = clock;
    }

    @Test
    void once_sameDigest_actsOnceAndReplays() {
        AtomicInteger calls = new AtomicInteger();
        Idempotency.Outcome first =
                idempotency.once(tenant, "tokens", KEY, "d1", () -> "r" + calls.incrementAndGet());
        Idempotency.Outcome again =
                idempotency.once(tenant, "tokens", KEY, "d1", () -> "r" + calls.incrementAndGet());
        assertEquals("r1", first.result());
        assertFalse(first.replayed());
        assertEquals("r1", again.result());
        assertTrue(again.replayed());
        assertEquals(1, calls.get());
    }

    @Test
    void once_otherDigest_conflict() {
        idempotency.once(tenant, "tokens", KEY, "d1", () -> "r1");
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () -> idempotency.once(tenant, "tokens", KEY, "d2", () -> "r2"));
        assertEquals(IdempotencyProblem.IDEMPOTENCY_CONFLICT, e.type());
    }

    @Test
    void once_otherTenantOrScope_independent() {
        idempotency.once(tenant, "tokens", KEY, "d1", () -> "r1");
        assertEquals(
                "r2",
                idempotency.once(TenantId.random(), "tokens", KEY, "d1", () -> "r2").result());
        assertEquals(Optional.empty(), idempotency.reserve(tenant, "forward", KEY, "d1"));
    }

    @Test
    void once_after24Hours_actsAgain() {
        idempotency.once(tenant, "tokens", KEY, "d1", () -> "r1");
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        Idempotency.Outcome later = idempotency.once(tenant, "tokens", KEY, "d2", () -> "r2");
        assertEquals("r2", later.result());
        assertFalse(later.replayed());
    }

    @Test
    void reserve_whilePending_conflict_thenCompleteReplays() {
        assertEquals(Optional.empty(), idempotency.reserve(tenant, "forward", KEY, "d1"));
        assertThrows(
                ProblemException.class, () -> idempotency.reserve(tenant, "forward", KEY, "d1"));
        idempotency.complete(tenant, "forward", KEY, "stored", Optional.of("tok"));
        assertEquals(Optional.of("stored"), idempotency.reserve(tenant, "forward", KEY, "d1"));
    }

    @Test
    void release_freesTheKey() {
        idempotency.reserve(tenant, "forward", KEY, "d1");
        idempotency.release(tenant, "forward", KEY);
        assertEquals(Optional.empty(), idempotency.reserve(tenant, "forward", KEY, "d2"));
    }

    @Test
    void forgetSubject_removesRecordsAboutThatToken() {
        idempotency.reserve(tenant, "forward", KEY, "d1");
        idempotency.complete(tenant, "forward", KEY, "stored", Optional.of("tok-1"));
        assertEquals(1, idempotency.forgetSubject(tenant, "tok-1"));
        assertEquals(Optional.empty(), idempotency.reserve(tenant, "forward", KEY, "d1"));
    }

    @Test
    void key_malformed_isA400() {
        assertThrows(ProblemException.class, () -> new IdempotencyKey(""));
        assertThrows(ProblemException.class, () -> new IdempotencyKey("a b"));
        assertThrows(ProblemException.class, () -> new IdempotencyKey("x".repeat(256)));
    }
}
