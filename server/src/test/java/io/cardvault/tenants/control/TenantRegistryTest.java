package io.cardvault.tenants.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.platform.control.Invalidations;
import io.cardvault.platform.control.Jdbc;
import io.cardvault.platform.control.LocalInvalidations;
import io.cardvault.tenants.entity.Caller;
import io.cardvault.tenants.entity.KeyKind;
import io.cardvault.tenants.entity.Tenant;
import io.cardvault.testing.Beans;
import io.cardvault.testing.TestVault;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantRegistryTest {

    private TenantRegistry registry;

    @BeforeEach
    void setUp() {
        Jdbc jdbc = TestVault.jdbc();
        registry = TestVault.tenantRegistry(jdbc);
    }

    private TenantRegistry.Created shop() {
        return registry.create(
                "Shop", List.of("https://shop.example"), List.of("https://api.psp.example/v1/*"));
    }

    @Test
    void create_storesTenantWithBothKeys() {
        TenantRegistry.Created c = shop();
        Tenant found = registry.find(c.tenant().id()).orElseThrow();
        assertEquals("Shop", found.name());
        assertEquals(1, found.destinationPatterns().size(), "patterns parsed when built");
        assertEquals(2, registry.keys(c.tenant().id()).size());
    }

    @Test
    void authenticate_eachKeyWithItsKind() {
        TenantRegistry.Created c = shop();
        Caller pk = registry.authenticate(c.keys().publishableKey()).orElseThrow();
        Caller sk = registry.authenticate(c.keys().secretKey()).orElseThrow();
        assertEquals(c.tenant().id(), pk.tenantId());
        assertEquals(KeyKind.PUBLISHABLE, pk.kind());
        assertTrue(sk.isSecret());
    }

    @Test
    void authenticate_wrongSecretWithRightPrefix_refused() {
        String sk = shop().keys().secretKey();
        String forged = sk.substring(0, sk.length() - 1) + (sk.endsWith("A") ? "B" : "A");
        assertTrue(registry.authenticate(forged).isEmpty());
        assertTrue(registry.authenticate("not a key").isEmpty());
    }

    @Test
    void revoke_stopsTheKeyOnly() {
        TenantRegistry.Created c = shop();
        String prefix = ApiKeys.prefixOf(c.keys().secretKey());
        assertTrue(registry.revoke(c.tenant().id(), prefix));
        assertTrue(registry.authenticate(c.keys().secretKey()).isEmpty());
        assertTrue(registry.authenticate(c.keys().publishableKey()).isPresent());
        assertFalse(registry.revoke(c.tenant().id(), prefix), "already revoked");
    }

    @Test
    void authenticate_warmCacheThenRevoke_refusedAtOnce() {
        TenantRegistry.Created c = shop();
        String sk = c.keys().secretKey();
        for (int i = 0; i < 3; i++) {
            assertTrue(registry.authenticate(sk).isPresent(), "cache warm");
        }
        assertTrue(registry.revoke(c.tenant().id(), ApiKeys.prefixOf(sk)));
        assertTrue(registry.authenticate(sk).isEmpty(), "the very next request is refused");
        assertTrue(registry.authenticate(c.keys().publishableKey()).isPresent());
    }

    @Test
    void authenticate_revokedOnAnotherNode_refusedAtOnceOnThisOne() {
        Jdbc shared = TestVault.jdbc();
        Invalidations grid = new LocalInvalidations(); // stands for a grid reaching both nodes
        TenantRegistry nodeA = TestVault.tenantRegistry(shared, grid);
        TenantRegistry nodeB = TestVault.tenantRegistry(shared, grid);
        TenantRegistry.Created c = nodeA.create("Shop", List.of(), List.of());
        String sk = c.keys().secretKey();
        assertTrue(nodeB.authenticate(sk).isPresent(), "node B's cache warm");
        assertTrue(nodeA.revoke(c.tenant().id(), ApiKeys.prefixOf(sk)));
        assertTrue(nodeB.authenticate(sk).isEmpty());
    }

    @Test
    void authenticate_keyRevokedInTheDatabaseBehindTheCache_stillCachedUntilInvalidated() {
        // shows that the cache is real, and that only an invalidation (not the row) empties it
        Jdbc jdbc = TestVault.jdbc();
        Invalidations invalidations = new LocalInvalidations();
        TenantRegistry cached = TestVault.tenantRegistry(jdbc, invalidations);
        TenantRegistry.Created c = cached.create("Shop", List.of(), List.of());
        String sk = c.keys().secretKey();
        String prefix = ApiKeys.prefixOf(sk);
        assertTrue(cached.authenticate(sk).isPresent());
        Beans.set(new ApiKeyStore(), "jdbc", jdbc)
                .revoke(c.tenant().id(), prefix, java.time.Instant.now());
        assertTrue(cached.authenticate(sk).isPresent(), "served from the cache");
        invalidations.publish(TenantRegistry.KEY_CACHE, prefix);
        assertTrue(cached.authenticate(sk).isEmpty());
    }

    @Test
    void find_afterUpdate_newSettingsAtOnce() {
        Tenant t = shop().tenant();
        assertEquals("Shop", registry.find(t.id()).orElseThrow().name());
        registry.update(t.with("Shop 2", t.allowedOrigins(), t.allowedDestinations()));
        assertEquals("Shop 2", registry.find(t.id()).orElseThrow().name());
    }

    @Test
    void cacheTtl_zeroMeansNoCacheAndNegativeFails() {
        assertEquals(java.time.Duration.ZERO, TenantRegistry.cacheTtl("PT0S"));
        assertThrows(IllegalStateException.class, () -> TenantRegistry.cacheTtl("-PT1S"));
        assertThrows(IllegalStateException.class, () -> TenantRegistry.cacheTtl("soon"));
    }

    @Test
    void update_reparsesDestinations() {
        Tenant t = shop().tenant();
        registry.update(t.with("Shop 2", t.allowedOrigins(), List.of("https://a.example", "x")));
        Tenant found = registry.find(t.id()).orElseThrow();
        assertEquals("Shop 2", found.name());
        assertEquals(1, found.destinationPatterns().size(), "an invalid pattern allows nothing");
    }

    @Test
    void find_malformedId_empty() {
        assertTrue(registry.find("../etc").isEmpty());
        assertTrue(registry.find((String) null).isEmpty());
    }
}
