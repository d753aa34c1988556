package io.cardvault.tenants.control;

import io.cardvault.platform.control.Jdbc;
import io.cardvault.tenants.entity.ApiKeyInfo;
import io.cardvault.tenants.entity.KeyKind;
import io.cardvault.tenants.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code api_keys} table: key hashes by prefix. The only SQL for keys. */
@ApplicationScoped
public class ApiKeyStore {

    /** An active key's row, for authentication. */
    public record ActiveKey(TenantId tenantId, KeyKind kind, String hash) {}

    @Inject Jdbc jdbc;

    public void insert(TenantId tenant, KeyKind kind, String prefix, String hash, Instant at) {
        jdbc.update(
                "insert into api_keys (prefix, tenant_id, kind, key_hash, created_at) values (?, ?, ?, ?, ?)",
                prefix,
                tenant.value(),
                kind.name(),
                hash,
                at.toEpochMilli());
    }

    public List<ApiKeyInfo> list(TenantId tenant) {
        return jdbc.query(
                "select prefix, kind, created_at, revoked_at from api_keys where tenant_id = ? order by created_at, prefix",
                rs ->
                        new ApiKeyInfo(
                                rs.getString(1),
                                KeyKind.valueOf(rs.getString(2)),
                                Instant.ofEpochMilli(rs.getLong(3)),
                                Optional.ofNullable((Long) rs.getObject(4))
                                        .map(Instant::ofEpochMilli)),
                tenant.value());
    }

    /** False when the tenant has no active key with this prefix. */
    public boolean revoke(TenantId tenant, String prefix, Instant at) {
        return jdbc.update(
                        "update api_keys set revoked_at = ? where tenant_id = ? and prefix = ? and revoked_at is null",
                        at.toEpochMilli(),
                        tenant.value(),
                        prefix)
                == 1;
    }

    public Optional<ActiveKey> findActive(String prefix) {
        return jdbc.queryOne(
                "select tenant_id, kind, key_hash from api_keys where prefix = ? and revoked_at is null",
                rs ->
                        new ActiveKey(
                                new TenantId(rs.getString(1)),
                                KeyKind.valueOf(rs.getString(2)),
                                rs.getString(3)),
                prefix);
    }
}
