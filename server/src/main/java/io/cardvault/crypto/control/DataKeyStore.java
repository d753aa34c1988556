package io.cardvault.crypto.control;

import io.cardvault.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The data-key columns of the {@code tokens} table ({@code kek_id}, {@code wrapped_key}): one
 * wrapped data key per token, in the token's own row (V80). The only SQL that reads or changes them
 * after the insert, which {@code TokenStore} makes with the rest of the row. Nulling them is what
 * makes a token's card data unrecoverable (crypto-shredding).
 */
@ApplicationScoped
public class DataKeyStore {

    /** One wrapped data key (base64 Tink ciphertext under key-encryption key {@code kekId}). */
    public record Row(String tokenId, String tenantId, int kekId, String wrapped) {}

    @Inject Jdbc jdbc;

    public Optional<Row> find(String tenantId, String tokenId) {
        return jdbc.queryOne(
                "select id, tenant_id, kek_id, wrapped_key from tokens"
                        + " where id = ? and tenant_id = ? and wrapped_key is not null",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)),
                tokenId,
                tenantId);
    }

    /** Nulls the token's wrapped key; true if it had one. */
    public boolean delete(String tenantId, String tokenId) {
        return jdbc.update(
                        "update tokens set kek_id = null, wrapped_key = null"
                                + " where id = ? and tenant_id = ? and wrapped_key is not null",
                        tokenId,
                        tenantId)
                == 1;
    }

    /** The next batch of keys not yet wrapped under {@code kekId}, in token id order. */
    public List<Row> notUnder(int kekId, int limit) {
        return jdbc.query(
                "select id, tenant_id, kek_id, wrapped_key from tokens where kek_id <> ?"
                        + " order by id fetch first "
                        + limit
                        + " rows only",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)),
                kekId);
    }

    /** Replaces a wrapped key only if it is unchanged since read (a delete in between wins). */
    public boolean rewrap(Row before, int kekId, String wrapped) {
        return jdbc.update(
                        "update tokens set kek_id = ?, wrapped_key = ? where id = ? and kek_id = ?",
                        kekId,
                        wrapped,
                        before.tokenId(),
                        before.kekId())
                == 1;
    }

    public long countNotUnder(int kekId) {
        return jdbc.queryOne(
                        "select count(*) from tokens where kek_id <> ?", rs -> rs.getLong(1), kekId)
                .orElse(0L);
    }

    public Map<Integer, Long> countByKek() {
        return jdbc
                .query(
                        "select kek_id, count(*) from tokens where kek_id is not null group by kek_id",
                        rs -> Map.entry(rs.getInt(1), rs.getLong(2)))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
