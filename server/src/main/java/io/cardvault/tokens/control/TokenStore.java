package io.cardvault.tokens.control;

import io.cardvault.cards.control.BrandCatalog;
import io.cardvault.crypto.control.DataKeyStore;
import io.cardvault.platform.control.Jdbc;
import io.cardvault.tenants.entity.TenantId;
import io.cardvault.tokens.entity.StoredToken;
import io.cardvault.tokens.entity.TokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code tokens} table: masked metadata, the ciphertext and (inserted here, changed only by
 * {@link DataKeyStore}) the token's wrapped data key. The only other SQL for tokens.
 */
@ApplicationScoped
public class TokenStore {

    /**
     * A live token's ciphertext with the brand it was stored under, and its wrapped data key (empty
     * for a token from before V20, encrypted under the key-encryption keys directly).
     */
    public record Sealed(StoredToken token, byte[] ciphertext, Optional<DataKeyStore.Row> key) {}

    private final BrandCatalog brands = BrandCatalog.standard();

    @Inject Jdbc jdbc;

    /** One row: the token, its ciphertext and the data key that encrypted it, wrapped. */
    public void insert(StoredToken t, byte[] ciphertext, DataKeyStore.Row key) {
        if (!key.tokenId().equals(t.id().value()) || !key.tenantId().equals(t.tenantId().value())) {
            throw new IllegalArgumentException("the data key belongs to another token");
        }
        jdbc.update(
                "insert into tokens (id, tenant_id, brand, bin, last4, expiry_month, expiry_year, fingerprint, ciphertext, created_at, postal_code, kek_id, wrapped_key)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                t.id().value(),
                t.tenantId().value(),
                t.brand().id(),
                t.bin(),
                t.last4(),
                t.expiryMonth(),
                t.expiryYear(),
                t.fingerprint(),
                Base64.getEncoder().encodeToString(ciphertext),
                t.createdAt().toEpochMilli(),
                t.postalCode().orElse(null),
                key.kekId(),
                key.wrapped());
    }

    public Optional<StoredToken> findLive(TenantId tenant, TokenId id) {
        return jdbc.queryOne(
                "select * from tokens where id = ? and tenant_id = ? and deleted_at is null",
                this::token,
                id.value(),
                tenant.value());
    }

    public Optional<Sealed> findSealed(TenantId tenant, TokenId id) {
        return jdbc.queryOne(
                "select * from tokens where id = ? and tenant_id = ? and deleted_at is null",
                rs -> {
                    String wrapped = rs.getString("wrapped_key");
                    Optional<DataKeyStore.Row> key =
                            wrapped == null
                                    ? Optional.empty()
                                    : Optional.of(
                                            new DataKeyStore.Row(
                                                    id.value(),
                                                    tenant.value(),
                                                    rs.getInt("kek_id"),
                                                    wrapped));
                    return new Sealed(
                            token(rs), Base64.getDecoder().decode(rs.getString("ciphertext")), key);
                },
                id.value(),
                tenant.value());
    }

    /** Drops the ciphertext and marks the row deleted; false when there was no live token. */
    public boolean markDeleted(TenantId tenant, TokenId id, Instant at) {
        return jdbc.update(
                        "update tokens set ciphertext = null, deleted_at = ? where id = ? and tenant_id = ? and deleted_at is null",
                        at.toEpochMilli(),
                        id.value(),
                        tenant.value())
                == 1;
    }

    /**
     * Tokenizations by a tenant with this BIN and last 4 since {@code since}, deleted ones included
     * (deleting guesses must not refill the budget).
     */
    public long countSameBinLast4(TenantId tenant, String bin, String last4, Instant since) {
        return jdbc.queryOne(
                        "select count(*) from tokens where tenant_id = ? and bin = ? and last4 = ?"
                                + " and created_at > ?",
                        rs -> rs.getLong(1),
                        tenant.value(),
                        bin,
                        last4,
                        since.toEpochMilli())
                .orElse(0L);
    }

    private StoredToken token(ResultSet rs) throws SQLException {
        return new StoredToken(
                new TokenId(rs.getString("id")),
                new TenantId(rs.getString("tenant_id")),
                brands.byId(rs.getString("brand")),
                rs.getString("bin"),
                rs.getString("last4"),
                rs.getInt("expiry_month"),
                rs.getInt("expiry_year"),
                rs.getString("fingerprint"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Optional.ofNullable(rs.getString("postal_code")));
    }
}
