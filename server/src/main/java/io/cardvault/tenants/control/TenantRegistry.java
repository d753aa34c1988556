package io.cardvault.tenants.control;

import io.cardvault.platform.control.Jdbc;
import io.cardvault.tenants.entity.ApiKeyInfo;
import io.cardvault.tenants.entity.Caller;
import io.cardvault.tenants.entity.IssuedKeys;
import io.cardvault.tenants.entity.KeyKind;
import io.cardvault.tenants.entity.Tenant;
import io.cardvault.tenants.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Tenants and their keys: creation with keys in one transaction, settings, key issue and
 * revocation, and authentication by key.
 */
@ApplicationScoped
public class TenantRegistry {

    /** A new tenant with its first key pair, shown once. */
    public record Created(Tenant tenant, IssuedKeys keys) {}

    @Inject Jdbc jdbc;

    @Inject TenantStore tenants;

    @Inject ApiKeyStore keys;

    @Inject CallbackSecretStore callbackSecrets;

    /** Creates the tenant and its first publishable and secret key in one transaction. */
    public Created create(String name, List<String> origins, List<String> destinations) {
        return create(name, origins, destinations, List.of());
    }

    /**
     * As {@link #create(String, List, List)}, with the web-font stylesheets the fields may load.
     */
    public Created create(
            String name, List<String> origins, List<String> destinations, List<String> fonts) {
        Tenant t = new Tenant(TenantId.random(), name, origins, destinations, fonts, Instant.now());
        return jdbc.inTransaction(
                () -> {
                    tenants.insert(t);
                    return new Created(t, issueKeys(t.id()));
                });
    }

    /** Creates a tenant without keys (demo mode stores keys it made itself). */
    public Tenant createWithoutKeys(String name, List<String> origins, List<String> destinations) {
        Tenant t = new Tenant(TenantId.random(), name, origins, destinations, Instant.now());
        tenants.insert(t);
        return t;
    }

    public Optional<Tenant> find(TenantId id) {
        return tenants.find(id);
    }

    public Optional<Tenant> find(String id) {
        return TenantId.parse(id).flatMap(tenants::find);
    }

    public Tenant update(Tenant t) {
        tenants.update(t);
        return t;
    }

    /**
     * A new publishable and secret key pair and a new callback secret (which replaces the previous
     * one), stored in one transaction.
     */
    public IssuedKeys issueKeys(TenantId tenantId) {
        String pk = ApiKeys.generate(KeyKind.PUBLISHABLE);
        String sk = ApiKeys.generate(KeyKind.SECRET);
        String callbackSecret = CallbackSecretStore.generate();
        return jdbc.inTransaction(
                () -> {
                    storeKey(tenantId, KeyKind.PUBLISHABLE, pk);
                    storeKey(tenantId, KeyKind.SECRET, sk);
                    callbackSecrets.replace(tenantId, callbackSecret, Instant.now());
                    return new IssuedKeys(pk, sk, callbackSecret);
                });
    }

    /** The secret that signs this tenant's checkout callbacks, if it was ever issued one. */
    public Optional<String> callbackSecret(TenantId tenantId) {
        return callbackSecrets.find(tenantId);
    }

    /** Stores a key that was made elsewhere (demo mode reuses its keys across restarts). */
    public void storeKey(TenantId tenantId, KeyKind kind, String key) {
        keys.insert(tenantId, kind, ApiKeys.prefixOf(key), ApiKeys.hash(key), Instant.now());
    }

    public List<ApiKeyInfo> keys(TenantId tenantId) {
        return keys.list(tenantId);
    }

    /**
     * @return false when the tenant has no active key with this prefix
     */
    public boolean revoke(TenantId tenantId, String prefix) {
        return keys.revoke(tenantId, prefix, Instant.now());
    }

    /**
     * The tenant id and kind of an active key, looked up by prefix and compared in constant time.
     */
    public Optional<Caller> authenticate(String presentedKey) {
        if (!ApiKeys.looksLikeKey(presentedKey)) {
            return Optional.empty();
        }
        String prefix = ApiKeys.prefixOf(presentedKey);
        return keys.findActive(prefix)
                .filter(k -> ApiKeys.matches(presentedKey, k.hash()))
                .map(k -> new Caller(k.tenantId(), k.kind(), prefix));
    }
}
