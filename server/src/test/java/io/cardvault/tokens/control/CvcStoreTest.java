package io.cardvault.tokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.tenants.entity.TenantId;
import io.cardvault.testing.MutableClock;
import io.cardvault.tokens.entity.TokenId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CvcStoreTest {

    private static final TenantId TENANT = TenantId.random();
    private static final TenantId OTHER_TENANT = TenantId.random();

    private MutableClock clock;
    private CvcStore store;
    private TokenId token;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
        store = CvcStore.local(clock, "PT1M");
        token = TokenId.random();
    }

    @Test
    void peek_afterPut_returnsCvc() {
        store.put(TENANT, token, "123");
        assertEquals(Optional.of("123"), store.peek(TENANT, token));
        assertTrue(store.isAvailable(TENANT, token));
    }

    @Test
    void peek_twice_doesNotConsume() {
        store.put(TENANT, token, "1234");
        assertEquals(Optional.of("1234"), store.peek(TENANT, token));
        assertEquals(Optional.of("1234"), store.peek(TENANT, token));
    }

    @Test
    void peek_nothingStored_empty() {
        assertEquals(Optional.empty(), store.peek(TENANT, token));
        assertFalse(store.isAvailable(TENANT, token));
    }

    @Test
    void put_again_replacesCvc() {
        store.put(TENANT, token, "123");
        store.put(TENANT, token, "456");
        assertEquals(Optional.of("456"), store.peek(TENANT, token));
    }

    @Test
    void consumeAfterSuccessfulForward_stored_removes() {
        store.put(TENANT, token, "123");
        store.consumeAfterSuccessfulForward(TENANT, token);
        assertEquals(Optional.empty(), store.peek(TENANT, token));
        assertFalse(store.isAvailable(TENANT, token));
    }

    @Test
    void consumeAfterSuccessfulForward_otherToken_keepsThisOne() {
        store.put(TENANT, token, "123");
        store.consumeAfterSuccessfulForward(TENANT, TokenId.random());
        store.consumeAfterSuccessfulForward(OTHER_TENANT, token);
        assertEquals(Optional.of("123"), store.peek(TENANT, token));
    }

    @Test
    void remove_stored_removes() {
        store.put(TENANT, token, "123");
        store.remove(TENANT, token);
        assertEquals(Optional.empty(), store.peek(TENANT, token));
    }

    @Test
    void peek_justBeforeTtl_present() {
        store.put(TENANT, token, "123");
        clock.advance(Duration.ofSeconds(59));
        assertEquals(Optional.of("123"), store.peek(TENANT, token));
    }

    @Test
    void peek_atTtl_expired() {
        store.put(TENANT, token, "123");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Optional.empty(), store.peek(TENANT, token));
    }

    @Test
    void peek_afterExpiry_staysGoneWhenClockGoesBack() {
        store.put(TENANT, token, "123");
        clock.advance(Duration.ofMinutes(2));
        assertEquals(Optional.empty(), store.peek(TENANT, token));
        clock.advance(Duration.ofMinutes(-2));
        assertEquals(
                Optional.empty(),
                store.peek(TENANT, token),
                "an expired entry must be deleted, not hidden");
    }

    @Test
    void put_defaultTtl_oneHour() {
        store.ttlSetting = null;
        store.put(TENANT, token, "123");
        clock.advance(Duration.ofMinutes(59));
        assertTrue(store.isAvailable(TENANT, token));
        clock.advance(Duration.ofMinutes(1));
        assertFalse(store.isAvailable(TENANT, token));
    }

    @Test
    void ttl_unparsableSetting_failsLoudlyNamingTheKey() {
        store.ttlSetting = "one minute";
        IllegalStateException e = assertThrows(IllegalStateException.class, store::ttl);
        assertTrue(e.getMessage().contains("cardvault.cvc.ttl"));
        store.ttlSetting = "PT5M";
        assertEquals(Duration.ofMinutes(5), store.ttl());
    }

    @Test
    void peek_otherTenant_empty() {
        store.put(TENANT, token, "123");
        assertEquals(Optional.empty(), store.peek(OTHER_TENANT, token));
        assertFalse(store.isAvailable(OTHER_TENANT, token));
        assertEquals(Optional.of("123"), store.peek(TENANT, token), "the owner still sees it");
    }

    @Test
    void peek_otherToken_empty() {
        store.put(TENANT, token, "123");
        assertEquals(Optional.empty(), store.peek(TENANT, TokenId.random()));
    }

    @Test
    void put_sameTokenTwoTenants_keptApart() {
        store.put(TENANT, token, "123");
        store.put(OTHER_TENANT, token, "987");
        assertEquals(Optional.of("123"), store.peek(TENANT, token));
        assertEquals(Optional.of("987"), store.peek(OTHER_TENANT, token));
    }

    @Test
    void peek_differentStoreInstance_empty() {
        store.put(TENANT, token, "123");
        CvcStore afterRestart = CvcStore.local(clock, "PT1M");
        assertEquals(Optional.empty(), afterRestart.peek(TENANT, token));
    }
}
