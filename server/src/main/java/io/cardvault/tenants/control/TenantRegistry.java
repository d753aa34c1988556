package io.cardvault.tenants.control;

import io.cardvault.platform.control.Invalidations;
import io.cardvault.platform.control.Jdbc;
import io.cardvault.platform.control.LookupCache;
import io.cardvault.tenants.entity.ApiKeyInfo;
import io.cardvault.tenants.entity.Caller;
import io.cardvault.tenants.entity.IssuedKeys;
import io.cardvault.tenants.entity.KeyKind;
import io.cardvault.tenants.entity.Tenant;
import io.cardvault.tenants.entity.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tenants and their keys: creation with keys in one transaction, settings, key issue and
 * revocation, and authentication by key.
 *
 * <p>Every API request looks up its key and most look up the tenant, so both lookups are cached
 * ({@link LookupCache}, {@code cardvault.cache.ttl}). Every change of a key or a tenant goes
 * through this class and publishes an invalidation after it is committed, so a revoked key is
 * refused by the next request on every node the {@link Invalidations} bean reaches.
 */
@ApplicationScoped
public class TenantRegistry {

    /** A new tenant with its first key pair, shown once. */
    public record Created(Tenant tenant, IssuedKeys keys) {}

    @Inject Jdbc jdbc;

    @Inject TenantStore tenants;

    @Inject ApiKeyStore keys;

    @Inject CallbackSecretStore callbackSecrets;

    @Inject Invalidations invalidations;

    @Inject
    @ConfigProperty(name = "cardvault.cache.ttl", defaultValue = "PT60S")
    String cacheTtl = "PT60S";

    static final String KEY_CACHE = "api-keys";
    static final String TENANT_CACHE = "tenants";
    private static final int MAX_CACHED = 10_000;

    private LookupCache<ApiKeyStore.ActiveKey> activeKeys;
    private LookupCache<Tenant> tenantCache;

    @PostConstruct
    void init() {
        Duration ttl = cacheTtl(cacheTtl);
        activeKeys = new LookupCache<>(KEY_CACHE, invalidations, ttl, MAX_CACHED);
        tenantCache = new LookupCache<>(TENANT_CACHE, invalidations, ttl, MAX_CACHED);
    }

    static Duration cacheTtl(String value) {
        try {
            Duration d = Duration.parse(value.strip());
            if (d.isNegative()) {
                throw new IllegalStateException("cardvault.cache.ttl must not be negative");
            }
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException(
                    "cardvault.cache.ttl must be an ISO-8601 duration such as PT60S (PT0S: no cache)");
        }
    }

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
        IssuedKeys issued =
                jdbc.inTransaction(
                        () -> {
                            tenants.insert(t);
                            return insertKeys(t.id());
                        });
        published(issued);
        return new Created(t, issued);
    }

    /** Creates a tenant without keys (demo mode stores keys it made itself). */
    public Tenant createWithoutKeys(String name, List<String> origins, List<String> destinations) {
        Tenant t = new Tenant(TenantId.random(), name, origins, destinations, Instant.now());
        tenants.insert(t);
        return t;
    }

    public Optional<Tenant> find(TenantId id) {
        return tenantCache.get(id.value(), v -> tenants.find(id));
    }

    public Optional<Tenant> find(String id) {
        return TenantId.parse(id).flatMap(this::find);
    }

    public Tenant update(Tenant t) {
        tenants.update(t);
        invalidations.publish(TENANT_CACHE, t.id().value());
        return t;
    }

    /**
     * A new publishable and secret key pair and a new callback secret (which replaces the previous
     * one), stored in one transaction.
     */
    public IssuedKeys issueKeys(TenantId tenantId) {
        return published(jdbc.inTransaction(() -> insertKeys(tenantId)));
    }

    /** Inserts a key pair and a callback secret; the caller's transaction commits them. */
    private IssuedKeys insertKeys(TenantId tenantId) {
        String pk = ApiKeys.generate(KeyKind.PUBLISHABLE);
        String sk = ApiKeys.generate(KeyKind.SECRET);
        String callbackSecret = CallbackSecretStore.generate();
        insertKey(tenantId, KeyKind.PUBLISHABLE, pk);
        insertKey(tenantId, KeyKind.SECRET, sk);
        callbackSecrets.replace(tenantId, callbackSecret, Instant.now());
        return new IssuedKeys(pk, sk, callbackSecret);
    }

    /** After the commit (never inside a transaction): the new keys' prefixes are invalidated. */
    private IssuedKeys published(IssuedKeys issued) {
        invalidations.publish(KEY_CACHE, ApiKeys.prefixOf(issued.publishableKey()));
        invalidations.publish(KEY_CACHE, ApiKeys.prefixOf(issued.secretKey()));
        return issued;
    }

    /** The secret that signs this tenant's checkout callbacks, if it was ever issued one. */
    public Optional<String> callbackSecret(TenantId tenantId) {
        return callbackSecrets.find(tenantId);
    }

    /** Stores a key that was made elsewhere (demo mode reuses its keys across restarts). */
    public void storeKey(TenantId tenantId, KeyKind kind, String key) {
        insertKey(tenantId, kind, key);
        invalidations.publish(KEY_CACHE, ApiKeys.prefixOf(key));
    }

    private void insertKey(TenantId tenantId, KeyKind kind, String key) {
        keys.insert(tenantId, kind, ApiKeys.prefixOf(key), ApiKeys.hash(key), Instant.now());
    }

    public List<ApiKeyInfo> keys(TenantId tenantId) {
        return keys.list(tenantId);
    }

    /**
     * @return false when the tenant has no active key with this prefix
     */
    public boolean revoke(TenantId tenantId, String prefix) {
        try {
            return keys.revoke(tenantId, prefix, Instant.now());
        } finally {
            // also when the update failed after all: the cache then reloads the row it had
            invalidations.publish(KEY_CACHE, prefix);
        }
    }

    /**
     * The tenant id and kind of an active key, looked up by prefix and compared in constant time.
     */
    public Optional<Caller> authenticate(String presentedKey) {
        if (!ApiKeys.looksLikeKey(presentedKey)) {
            return Optional.empty();
        }
        String prefix = ApiKeys.prefixOf(presentedKey);
        return activeKeys
                .get(prefix, keys::findActive)
                .filter(k -> ApiKeys.matches(presentedKey, k.hash()))
                .map(k -> new Caller(k.tenantId(), k.kind(), prefix));
    }
}
