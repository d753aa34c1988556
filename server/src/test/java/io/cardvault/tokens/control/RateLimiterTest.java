package io.cardvault.tokens.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.platform.entity.CommonProblem;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.entity.Caller;
import io.cardvault.tenants.entity.KeyKind;
import io.cardvault.tenants.entity.TenantId;
import io.cardvault.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final TenantId TEN_A = TenantId.random();
    private static final TenantId TEN_B = TenantId.random();

    private static final Caller PK = new Caller(TEN_A, KeyKind.PUBLISHABLE, "pk_AAAAAAAA");
    private static final Caller PK_OTHER_TENANT =
            new Caller(TEN_B, KeyKind.PUBLISHABLE, "pk_BBBBBBBB");
    private static final Caller SK = new Caller(TEN_A, KeyKind.SECRET, "sk_AAAAAAAA");
    private static final String ADDRESS = "198.51.100.7";
    private static final String OTHER_ADDRESS = "203.0.113.9";

    private MutableClock clock;
    private RateLimiter limiter;

    @BeforeEach
    void setUp() {
        // 10 s into a minute window
        clock = new MutableClock(Instant.parse("2026-11-24T10:00:10Z"));
        limiter = new RateLimiter();
        limiter.clock = clock;
        limiter.windows = io.cardvault.platform.control.ExpiringMap.local(clock);
        limiter.perKey = 100;
        limiter.perAddress = 3;
        limiter.secretPerKey = 5;
    }

    private void hitTimes(Caller caller, String address, int times) {
        for (int i = 0; i < times; i++) {
            int attempt = i;
            assertDoesNotThrow(
                    () -> limiter.checkTokenize(caller, address),
                    "attempt #" + attempt + " should pass");
        }
    }

    private static int retryAfter(ProblemException e) {
        return (int) e.retryAfter().orElseThrow().toSeconds();
    }

    @Test
    void checkTokenize_publishableOverPerAddress_rateLimitedWithRetryAfter() {
        hitTimes(PK, ADDRESS, 3);
        ProblemException e =
                assertThrows(ProblemException.class, () -> limiter.checkTokenize(PK, ADDRESS));
        assertEquals(CommonProblem.RATE_LIMITED, e.type());
        assertEquals(429, e.type().status());
        int retry = retryAfter(e);
        assertTrue(retry >= 1 && retry <= 60, "Retry-After between 1 and 60, was " + retry);
        assertEquals(50, retry, "50 s left in the window");
    }

    @Test
    void checkTokenize_lastMillisecondOfWindow_retryAfterAtLeastOne() {
        clock.set(Instant.parse("2026-11-24T10:00:59.999Z"));
        hitTimes(PK, ADDRESS, 3);
        ProblemException e =
                assertThrows(ProblemException.class, () -> limiter.checkTokenize(PK, ADDRESS));
        assertEquals(1, retryAfter(e));
    }

    @Test
    void checkTokenize_startOfWindow_retryAfterAtMostSixty() {
        clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        hitTimes(PK, ADDRESS, 3);
        ProblemException e =
                assertThrows(ProblemException.class, () -> limiter.checkTokenize(PK, ADDRESS));
        assertEquals(60, retryAfter(e));
    }

    @Test
    void checkTokenize_stillOverLimit_keepsRejecting() {
        hitTimes(PK, ADDRESS, 3);
        assertThrows(ProblemException.class, () -> limiter.checkTokenize(PK, ADDRESS));
        clock.advance(Duration.ofSeconds(30));
        assertThrows(ProblemException.class, () -> limiter.checkTokenize(PK, ADDRESS));
    }

    @Test
    void checkTokenize_nextMinuteWindow_resets() {
        hitTimes(PK, ADDRESS, 3);
        assertThrows(ProblemException.class, () -> limiter.checkTokenize(PK, ADDRESS));
        clock.advance(Duration.ofSeconds(50));
        hitTimes(PK, ADDRESS, 3);
        assertThrows(ProblemException.class, () -> limiter.checkTokenize(PK, ADDRESS));
    }

    @Test
    void checkTokenize_differentAddresses_independent() {
        hitTimes(PK, ADDRESS, 3);
        assertThrows(ProblemException.class, () -> limiter.checkTokenize(PK, ADDRESS));
        hitTimes(PK, OTHER_ADDRESS, 3);
        assertThrows(ProblemException.class, () -> limiter.checkTokenize(PK, OTHER_ADDRESS));
    }

    @Test
    void checkTokenize_sameAddressDifferentTenants_independent() {
        hitTimes(PK, ADDRESS, 3);
        hitTimes(PK_OTHER_TENANT, ADDRESS, 3);
    }

    @Test
    void checkTokenize_publishableOverPerKey_rateLimitedAcrossAddresses() {
        limiter.perKey = 4;
        limiter.perAddress = 100;
        hitTimes(PK, ADDRESS, 2);
        hitTimes(PK, OTHER_ADDRESS, 2);
        ProblemException e =
                assertThrows(ProblemException.class, () -> limiter.checkTokenize(PK, "192.0.2.1"));
        assertEquals(CommonProblem.RATE_LIMITED, e.type());
    }

    @Test
    void checkTokenize_oneAddressHammeringAfterBlock_doesNotExhaustKeyForOtherAddresses() {
        limiter.perKey = 10;
        limiter.perAddress = 3;
        hitTimes(PK, ADDRESS, 3);
        for (int i = 0; i < 50; i++) {
            assertThrows(ProblemException.class, () -> limiter.checkTokenize(PK, ADDRESS));
        }
        // requests the address limit already refused must not count against the whole key
        hitTimes(PK, OTHER_ADDRESS, 3);
    }

    @Test
    void checkTokenize_secretKey_usesSecretPerKeyNotPerAddress() {
        hitTimes(SK, ADDRESS, 5); // more than perAddress (3)
        ProblemException e =
                assertThrows(ProblemException.class, () -> limiter.checkTokenize(SK, ADDRESS));
        assertEquals(CommonProblem.RATE_LIMITED, e.type());
        assertThrows(
                ProblemException.class,
                () -> limiter.checkTokenize(SK, OTHER_ADDRESS),
                "limit is per key, not per address");
    }

    @Test
    void checkTokenize_secretKeyExhausted_publishableKeyUnaffected() {
        hitTimes(SK, ADDRESS, 5);
        assertThrows(ProblemException.class, () -> limiter.checkTokenize(SK, ADDRESS));
        hitTimes(PK, ADDRESS, 3);
    }

    @Test
    void checkTokenize_zeroPerAddress_disabled() {
        limiter.perAddress = 0;
        hitTimes(PK, ADDRESS, 50);
    }

    @Test
    void checkTokenize_zeroLimits_allDisabled() {
        limiter.perAddress = 0;
        limiter.perKey = 0;
        limiter.secretPerKey = 0;
        hitTimes(PK, ADDRESS, 200);
        hitTimes(SK, ADDRESS, 200);
    }

    @Test
    void checkTokenize_rejection_detailHasNoAddressOrKey() {
        hitTimes(PK, ADDRESS, 3);
        ProblemException e =
                assertThrows(ProblemException.class, () -> limiter.checkTokenize(PK, ADDRESS));
        assertTrue(!e.getMessage().contains(ADDRESS) && !e.getMessage().contains(PK.keyPrefix()));
    }
}
