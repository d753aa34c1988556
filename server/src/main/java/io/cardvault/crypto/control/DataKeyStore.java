package io.cardvault.crypto.control;

import io.cardvault.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code token_keys} table: one wrapped data key per token. The only SQL for it. Deleting a row
 * is what makes a token's card data unrecoverable (crypto-shredding).
 */
@ApplicationScoped
public class DataKeyStore {

    /** One wrapped data key (base64 Tink ciphertext under key-encryption key {@code kekId}). */
    public record Row(String tokenId, String tenantId, int kekId, String wrapped) {}

    @Inject Jdbc jdbc;

    public void insert(Row row, long createdAt) {
        jdbc.update(
                "insert into token_keys (token_id, tenant_id, kek_id, wrapped, created_at)"
                        + " values (?, ?, ?, ?, ?)",
                row.tokenId(),
                row.tenantId(),
                row.kekId(),
                row.wrapped(),
                createdAt);
    }

    public Optional<Row> find(String tenantId, String tokenId) {
        return jdbc.queryOne(
                "select token_id, tenant_id, kek_id, wrapped from token_keys"
                        + " where token_id = ? and tenant_id = ?",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)),
                tokenId,
                tenantId);
    }

    public boolean delete(String tenantId, String tokenId) {
        return jdbc.update(
                        "delete from token_keys where token_id = ? and tenant_id = ?",
                        tokenId,
                        tenantId)
                == 1;
    }

    /** The next batch of keys not yet wrapped under {@code kekId}, in token id order. */
    public List<Row> notUnder(int kekId, int limit) {
        return jdbc.query(
                "select token_id, tenant_id, kek_id, wrapped from token_keys where kek_id <> ?"
                        + " order by token_id fetch first "
                        + limit
                        + " rows only",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)),
                kekId);
    }

    /** Replaces a wrapped key only if it is unchanged since read (a delete in between wins). */
    public boolean rewrap(Row before, int kekId, String wrapped) {
        return jdbc.update(
                        "update token_keys set kek_id = ?, wrapped = ? where token_id = ? and kek_id = ?",
                        kekId,
                        wrapped,
                        before.tokenId(),
                        before.kekId())
                == 1;
    }

    public long countNotUnder(int kekId) {
        return jdbc.queryOne(
                        "select count(*) from token_keys where kek_id <> ?",
                        rs -> rs.getLong(1),
                        kekId)
                .orElse(0L);
    }

    public Map<Integer, Long> countByKek() {
        return jdbc
                .query(
                        "select kek_id, count(*) from token_keys group by kek_id",
                        rs -> Map.entry(rs.getInt(1), rs.getLong(2)))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
