package io.cardvault.tenants.control;

import io.cardvault.platform.control.Jdbc;
import io.cardvault.tenants.entity.ApiKeyInfo;
import io.cardvault.tenants.entity.IssuedKeys;
import io.cardvault.tenants.entity.KeyKind;
import io.cardvault.tenants.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tenants and their keys in the database. */
@ApplicationScoped
public class TenantRegistry {

    @Inject Jdbc jdbc;

    public Tenant create(String name, List<String> origins, List<String> destinations) {
        Tenant t =
                new Tenant(
                        UUID.randomUUID().toString(), name, origins, destinations, Instant.now());
        jdbc.update(
                "insert into tenants (id, name, allowed_origins, allowed_destinations, created_at) values (?, ?, ?, ?, ?)",
                t.id(),
                t.name(),
                toJson(origins),
                toJson(destinations),
                t.createdAt().toEpochMilli());
        return t;
    }

    public Optional<Tenant> find(String id) {
        return jdbc.queryOne("select * from tenants where id = ?", TenantRegistry::tenant, id);
    }

    public Tenant update(Tenant t) {
        jdbc.update(
                "update tenants set name = ?, allowed_origins = ?, allowed_destinations = ? where id = ?",
                t.name(),
                toJson(t.allowedOrigins()),
                toJson(t.allowedDestinations()),
                t.id());
        return t;
    }

    public IssuedKeys issueKeys(String tenantId) {
        String pk = ApiKeys.generate(KeyKind.PUBLISHABLE);
        String sk = ApiKeys.generate(KeyKind.SECRET);
        storeKey(tenantId, KeyKind.PUBLISHABLE, pk);
        storeKey(tenantId, KeyKind.SECRET, sk);
        return new IssuedKeys(pk, sk);
    }

    /** Stores a key that was made elsewhere (demo mode reuses its keys across restarts). */
    public void storeKey(String tenantId, KeyKind kind, String key) {
        jdbc.update(
                "insert into api_keys (prefix, tenant_id, kind, key_hash, created_at) values (?, ?, ?, ?, ?)",
                ApiKeys.prefixOf(key),
                tenantId,
                kind.name(),
                ApiKeys.hash(key),
                System.currentTimeMillis());
    }

    public List<ApiKeyInfo> keys(String tenantId) {
        return jdbc.query(
                "select prefix, kind, created_at, revoked_at from api_keys where tenant_id = ? order by created_at, prefix",
                rs ->
                        new ApiKeyInfo(
                                rs.getString(1),
                                KeyKind.valueOf(rs.getString(2)),
                                Instant.ofEpochMilli(rs.getLong(3)),
                                Optional.ofNullable((Long) rs.getObject(4))
                                        .map(Instant::ofEpochMilli)),
                tenantId);
    }

    /**
     * @return false when the tenant has no active key with this prefix
     */
    public boolean revoke(String tenantId, String prefix) {
        return jdbc.update(
                        "update api_keys set revoked_at = ? where tenant_id = ? and prefix = ? and revoked_at is null",
                        System.currentTimeMillis(),
                        tenantId,
                        prefix)
                == 1;
    }

    /**
     * The tenant id and kind of an active key, looked up by prefix and compared in constant time.
     */
    public Optional<io.cardvault.tenants.entity.Caller> authenticate(String presentedKey) {
        if (!ApiKeys.looksLikeKey(presentedKey)) {
            return Optional.empty();
        }
        String prefix = ApiKeys.prefixOf(presentedKey);
        return jdbc.queryOne(
                "select tenant_id, kind, key_hash from api_keys where prefix = ? and revoked_at is null",
                rs ->
                        ApiKeys.matches(presentedKey, rs.getString(3))
                                ? new io.cardvault.tenants.entity.Caller(
                                        rs.getString(1), KeyKind.valueOf(rs.getString(2)), prefix)
                                : null,
                prefix);
    }

    private static Tenant tenant(ResultSet rs) throws SQLException {
        return new Tenant(
                rs.getString("id"),
                rs.getString("name"),
                fromJson(rs.getString("allowed_origins")),
                fromJson(rs.getString("allowed_destinations")),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    static String toJson(List<String> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        values.forEach(a::add);
        return a.build().toString();
    }

    static List<String> fromJson(String json) {
        return Json.createReader(new StringReader(json))
                .readArray()
                .getValuesAs(JsonString.class)
                .stream()
                .map(JsonString::getString)
                .toList();
    }
}
