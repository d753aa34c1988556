package io.cardvault.tokens.control;

import io.cardvault.cards.entity.CardNumber;
import io.cardvault.crypto.control.Keyring;
import io.cardvault.platform.control.Jdbc;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tokens.entity.CardInput;
import io.cardvault.tokens.entity.RevealedCard;
import io.cardvault.tokens.entity.StoredToken;
import io.cardvault.tokens.entity.TokenId;
import io.cardvault.tokens.entity.TokenProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The vault. A token row holds masked metadata plus the AEAD ciphertext of number, expiry and
 * holder name, bound to tenant and token id. Every lookup is scoped to the calling tenant, so
 * another tenant's token is indistinguishable from a missing one. Delete is crypto-shredding: the
 * ciphertext is overwritten and the row kept as a tombstone.
 */
@ApplicationScoped
public class TokenVault {

    @Inject Jdbc jdbc;

    @Inject Keyring keyring;

    @Inject CvcStore cvcStore;

    /** Stores the card; when this returns, the row is committed to disk. */
    public StoredToken create(String tenantId, CardInput card) {
        TokenId id = TokenId.random();
        CardNumber pan = card.number();
        StoredToken token =
                new StoredToken(
                        id,
                        tenantId,
                        card.brand(),
                        pan.bin(),
                        pan.last4(),
                        card.expiryMonth(),
                        card.expiryYear(),
                        keyring.fingerprinter().fingerprint(tenantId, pan.revealDigits()),
                        Instant.now());
        byte[] plaintext = payload(card).getBytes(StandardCharsets.UTF_8);
        byte[] ciphertext = keyring.cardEncryptor().encrypt(plaintext, tenantId, id.value());
        Arrays.fill(plaintext, (byte) 0);
        jdbc.update(
                "insert into tokens (id, tenant_id, brand, bin, last4, expiry_month, expiry_year, fingerprint, ciphertext, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id.value(),
                tenantId,
                token.brand(),
                token.bin(),
                token.last4(),
                token.expiryMonth(),
                token.expiryYear(),
                token.fingerprint(),
                Base64.getEncoder().encodeToString(ciphertext),
                token.createdAt().toEpochMilli());
        card.cvc().ifPresent(cvc -> cvcStore.put(tenantId, id, cvc));
        return token;
    }

    public Optional<StoredToken> find(String tenantId, TokenId id) {
        return jdbc.queryOne(
                "select * from tokens where id = ? and tenant_id = ? and deleted_at is null",
                TokenVault::row,
                id.value(),
                tenantId);
    }

    public StoredToken require(String tenantId, TokenId id) {
        return find(tenantId, id).orElseThrow(TokenVault::notFound);
    }

    /** Crypto-shred: the ciphertext is gone for good; metadata stays as a tombstone for audit. */
    public boolean delete(String tenantId, TokenId id) {
        cvcStore.remove(tenantId, id);
        return jdbc.update(
                        "update tokens set ciphertext = null, deleted_at = ? where id = ? and tenant_id = ? and deleted_at is null",
                        System.currentTimeMillis(),
                        id.value(),
                        tenantId)
                == 1;
    }

    /** Decrypts the card for one forward. Only the forwarding package calls this. */
    public Optional<RevealedCard> reveal(String tenantId, TokenId id) {
        return jdbc.queryOne(
                        "select brand, ciphertext from tokens where id = ? and tenant_id = ? and deleted_at is null",
                        rs -> new String[] {rs.getString(1), rs.getString(2)},
                        id.value(),
                        tenantId)
                .map(
                        row -> {
                            byte[] plain =
                                    keyring.cardEncryptor()
                                            .decrypt(
                                                    Base64.getDecoder().decode(row[1]),
                                                    tenantId,
                                                    id.value());
                            JsonObject o =
                                    Json.createReader(
                                                    new StringReader(
                                                            new String(
                                                                    plain, StandardCharsets.UTF_8)))
                                            .readObject();
                            Arrays.fill(plain, (byte) 0);
                            return new RevealedCard(
                                    id,
                                    CardNumber.of(o.getString("n")),
                                    o.getInt("m"),
                                    o.getInt("y"),
                                    Optional.ofNullable(o.getString("h", null)),
                                    row[0],
                                    cvcStore.peek(tenantId, id));
                        });
    }

    public void recollectCvc(String tenantId, TokenId id, String cvc) {
        require(tenantId, id);
        cvcStore.put(tenantId, id, cvc);
    }

    public boolean cvcAvailable(String tenantId, TokenId id) {
        return cvcStore.isAvailable(tenantId, id);
    }

    /** The hook for the forwarding proxy: drop the CVC after the first 2xx forward that used it. */
    public void cvcUsedSuccessfully(String tenantId, TokenId id) {
        cvcStore.consumeAfterSuccessfulForward(tenantId, id);
    }

    public static ProblemException notFound() {
        return new ProblemException(TokenProblem.TOKEN_NOT_FOUND, "no token with this id");
    }

    private static String payload(CardInput card) {
        JsonObjectBuilder b =
                Json.createObjectBuilder()
                        .add("n", card.number().revealDigits())
                        .add("m", card.expiryMonth())
                        .add("y", card.expiryYear());
        card.holderName().ifPresent(h -> b.add("h", h));
        return b.build().toString();
    }

    private static StoredToken row(ResultSet rs) throws SQLException {
        return new StoredToken(
                new TokenId(rs.getString("id")),
                rs.getString("tenant_id"),
                rs.getString("brand"),
                rs.getString("bin"),
                rs.getString("last4"),
                rs.getInt("expiry_month"),
                rs.getInt("expiry_year"),
                rs.getString("fingerprint"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
