package io.cardvault.crypto.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.tenants.entity.TenantId;
import io.cardvault.testing.VaultFixture;
import io.cardvault.tokens.entity.StoredToken;
import io.cardvault.tokens.entity.TokenId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V80 moves each token's wrapped data key from {@code token_keys} into the token's row. A vault
 * written under V70 (its own {@code token_keys} rows, a deleted token without one) must open after
 * the migration: every live card decrypts, the deleted one stays shredded, the keys count under
 * their KEK, and {@code token_keys} is gone.
 */
class DataKeyInTokenRowMigrationTest {

    private static final String MASTER = Base64.getEncoder().encodeToString(new byte[32]);
    private static final TenantId TENANT = new TenantId("33333333-3333-4333-8333-333333333333");
    private static final String[] PANS = {
        "4111111111111111", "5555555555554444", "378282246310005"
    };

    @TempDir Path source;

    @TempDir Path migrated;

    private VaultFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** A token row as V70 stored it, and its key row. */
    private record V70Token(List<Object> token, Object kekId, String wrapped) {}

    @Test
    void v70Vault_migrates_liveCardsDecrypt_deletedStaysShredded_tokenKeysGone() throws Exception {
        // real key material and ciphertexts, made by the current code in a scratch vault
        fixture = new VaultFixture(source, MASTER, null);
        List<StoredToken> made = new ArrayList<>();
        for (String pan : PANS) {
            made.add(fixture.tokenize(TENANT, pan));
        }
        StoredToken deleted = fixture.tokenize(TENANT, "4000056655665556");
        assertTrue(fixture.vault.delete(TENANT, deleted.id()));
        int kek = fixture.keyring.primaryKeyId();
        List<List<Object>> cryptoKeys =
                fixture.db.jdbc.query(
                        "select name, material, created_at from crypto_keys",
                        rs -> List.of(rs.getString(1), rs.getString(2), rs.getLong(3)));
        List<List<Object>> keyVersions =
                fixture.db.jdbc.query(
                        "select kek_id, created_at from key_versions",
                        rs -> List.of(rs.getLong(1), rs.getLong(2)));
        List<V70Token> rows =
                fixture.db.jdbc.query(
                        "select id, tenant_id, brand, bin, last4, expiry_month, expiry_year,"
                                + " fingerprint, ciphertext, created_at, deleted_at, kek_id,"
                                + " wrapped_key from tokens",
                        rs -> {
                            List<Object> token = new ArrayList<>();
                            for (int i = 1; i <= 11; i++) {
                                token.add(rs.getObject(i));
                            }
                            return new V70Token(token, rs.getObject(12), rs.getString(13));
                        });
        fixture.close();
        fixture = null;
        assertEquals(4, rows.size());

        // the same data in a database migrated only to V70, with its token_keys rows
        String url = "jdbc:h2:file:" + migrated.resolve("cardvault").toAbsolutePath();
        Flyway.configure(getClass().getClassLoader())
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .target("70")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            for (List<Object> k : cryptoKeys) {
                insert(
                        c,
                        "insert into crypto_keys (name, material, created_at) values (?, ?, ?)",
                        k);
            }
            for (List<Object> v : keyVersions) {
                insert(c, "insert into key_versions (kek_id, created_at) values (?, ?)", v);
            }
            for (V70Token t : rows) {
                insert(
                        c,
                        "insert into tokens (id, tenant_id, brand, bin, last4, expiry_month,"
                                + " expiry_year, fingerprint, ciphertext, created_at, deleted_at)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        t.token());
                if (t.wrapped() != null) {
                    insert(
                            c,
                            "insert into token_keys (token_id, tenant_id, kek_id, wrapped,"
                                    + " created_at) values (?, ?, ?, ?, ?)",
                            List.of(
                                    t.token().get(0),
                                    t.token().get(1),
                                    t.kekId(),
                                    t.wrapped(),
                                    0L));
                }
            }
            try (ResultSet rs =
                    c.createStatement().executeQuery("select count(*) from token_keys")) {
                rs.next();
                assertEquals(3, rs.getInt(1));
            }
        }

        // opened by the server's code: Flyway applies V80
        fixture = new VaultFixture(migrated, MASTER, null);
        for (int i = 0; i < PANS.length; i++) {
            TokenId id = made.get(i).id();
            assertEquals(
                    PANS[i],
                    fixture.vault.reveal(TENANT, id).orElseThrow().number().revealDigits());
            assertEquals(
                    kek,
                    fixture.dataKeyStore.find(TENANT.value(), id.value()).orElseThrow().kekId());
        }
        assertFalse(fixture.vault.reveal(TENANT, deleted.id()).isPresent());
        assertFalse(fixture.dataKeyStore.find(TENANT.value(), deleted.id().value()).isPresent());
        assertEquals(Map.of(kek, 3L), fixture.dataKeyStore.countByKek());
        assertEquals(
                0L,
                fixture.db
                        .jdbc
                        .queryOne(
                                "select count(*) from information_schema.tables"
                                        + " where upper(table_name) = 'TOKEN_KEYS'",
                                rs -> rs.getLong(1))
                        .orElseThrow());

        // and the migrated tokens shred like new ones
        TokenId first = made.get(0).id();
        assertTrue(fixture.vault.delete(TENANT, first));
        assertFalse(fixture.dataKeyStore.find(TENANT.value(), first.value()).isPresent());
        assertNotNull(fixture.vault.reveal(TENANT, made.get(1).id()).orElseThrow());
        assertEquals(Map.of(kek, 2L), fixture.dataKeyStore.countByKek());
    }

    private static void insert(Connection c, String sql, List<Object> values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            ps.executeUpdate();
        }
    }
}
