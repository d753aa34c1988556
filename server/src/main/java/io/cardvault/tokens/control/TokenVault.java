package io.cardvault.tokens.control;

import io.cardvault.cards.entity.CardNumber;
import io.cardvault.crypto.control.CardEncryptor;
import io.cardvault.crypto.control.DataKeys;
import io.cardvault.crypto.control.Keyring;
import io.cardvault.idempotency.control.Idempotency;
import io.cardvault.platform.control.Jdbc;
import io.cardvault.platform.control.JsonFactories;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.entity.TenantId;
import io.cardvault.tokens.entity.CardInput;
import io.cardvault.tokens.entity.RevealedCard;
import io.cardvault.tokens.entity.StoredToken;
import io.cardvault.tokens.entity.TokenId;
import io.cardvault.tokens.entity.TokenProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The vault. A token row holds masked metadata plus the AEAD ciphertext of number, expiry and
 * holder name, bound to tenant and token id. Every lookup is scoped to the calling tenant, so
 * another tenant's token is indistinguishable from a missing one. Delete is crypto-shredding: the
 * ciphertext is overwritten and the row kept as a tombstone.
 */
@ApplicationScoped
public class TokenVault {

    @Inject TokenStore store;

    @Inject Keyring keyring;

    @Inject DataKeys dataKeys;

    @Inject CardGuessingGuard guessingGuard;

    @Inject CvcStore cvcStore;

    @Inject Idempotency idempotency;

    @Inject Jdbc jdbc;

    /** Stores the card; when this returns, the row is committed to disk. */
    public StoredToken create(TenantId tenantId, CardInput card) {
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
                        keyring.fingerprinter().fingerprint(tenantId.value(), pan.revealDigits()),
                        Instant.now(),
                        card.postalCode());
        DataKeys.NewKey key = dataKeys.generate(tenantId.value(), id.value());
        byte[] plaintext = payload(card).getBytes(StandardCharsets.UTF_8);
        byte[] ciphertext;
        try {
            ciphertext = key.encryptor().encrypt(plaintext, tenantId.value(), id.value());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
        // one insert (the token with its wrapped data key), committed together with other requests'
        // tokens: one commit and one fsync for a group, and this returns once the group is on disk
        guessingGuard.guarded(
                tenantId,
                pan,
                () -> jdbc.inSharedTransaction(() -> store.insert(token, ciphertext, key.row())));
        card.cvc().ifPresent(cvc -> cvcStore.put(tenantId, id, cvc));
        return token;
    }

    public Optional<StoredToken> find(TenantId tenantId, TokenId id) {
        return store.findLive(tenantId, id);
    }

    public StoredToken require(TenantId tenantId, TokenId id) {
        return find(tenantId, id).orElseThrow(TokenVault::notFound);
    }

    /**
     * Crypto-shred: the token's data key is deleted and its ciphertext nulled, and every stored
     * replay of a forward or tokenization about this token is purged (one transaction); metadata
     * stays as a tombstone for audit. Copies of the old rows that the database keeps in freed pages
     * or logs are gone once {@link io.cardvault.crypto.control.KeyShredder} has compacted the key
     * store (docs/security.md gives the bound).
     */
    public boolean delete(TenantId tenantId, TokenId id) {
        cvcStore.remove(tenantId, id);
        return jdbc.inTransaction(
                () -> {
                    boolean deleted = store.markDeleted(tenantId, id, Instant.now());
                    if (deleted) {
                        dataKeys.destroy(tenantId.value(), id.value());
                        idempotency.forgetSubject(tenantId, id.value());
                    }
                    return deleted;
                });
    }

    /** Decrypts the card for one forward. Only the forwarding package calls this. */
    public Optional<RevealedCard> reveal(TenantId tenantId, TokenId id) {
        return store.findSealed(tenantId, id)
                .map(
                        row -> {
                            // the key came with the row: one read per forward
                            byte[] plain =
                                    encryptorOf(row)
                                            .decrypt(
                                                    row.ciphertext(), tenantId.value(), id.value());
                            JsonObject o =
                                    JsonFactories.reader(
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
                                    row.token().brand(),
                                    cvcStore.peek(tenantId, id),
                                    row.token().postalCode());
                        });
    }

    /**
     * The encryptor for a live token's data: its data key, or for a token from before V20 the KEKs
     * directly. Empty once the token is deleted.
     */
    public Optional<CardEncryptor> encryptorOf(TenantId tenantId, TokenId id) {
        return store.findSealed(tenantId, id).map(this::encryptorOf);
    }

    /** The row's own data key, or the KEKs directly for a token from before V20. */
    private CardEncryptor encryptorOf(TokenStore.Sealed row) {
        return row.key().map(dataKeys::open).orElseGet(keyring::legacyCardEncryptor);
    }

    public void recollectCvc(TenantId tenantId, TokenId id, String cvc) {
        require(tenantId, id);
        cvcStore.put(tenantId, id, cvc);
    }

    public boolean cvcAvailable(TenantId tenantId, TokenId id) {
        return cvcStore.isAvailable(tenantId, id);
    }

    /** The hook for the forwarding proxy: drop the CVC after the first 2xx forward that used it. */
    public void cvcUsedSuccessfully(TenantId tenantId, TokenId id) {
        cvcStore.consumeAfterSuccessfulForward(tenantId, id);
    }

    public static ProblemException notFound() {
        return new ProblemException(TokenProblem.TOKEN_NOT_FOUND, "no token with this id");
    }

    private static String payload(CardInput card) {
        JsonObjectBuilder b =
                JsonFactories.objectBuilder()
                        .add("n", card.number().revealDigits())
                        .add("m", card.expiryMonth())
                        .add("y", card.expiryYear());
        card.holderName().ifPresent(h -> b.add("h", h));
        return b.build().toString();
    }
}
