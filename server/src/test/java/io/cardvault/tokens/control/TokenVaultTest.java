package io.cardvault.tokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.cards.control.BrandCatalog;
import io.cardvault.cards.entity.CardNumber;
import io.cardvault.idempotency.control.Idempotency;
import io.cardvault.idempotency.entity.IdempotencyKey;
import io.cardvault.tenants.entity.TenantId;
import io.cardvault.testing.VaultFixture;
import io.cardvault.tokens.entity.CardInput;
import io.cardvault.tokens.entity.RevealedCard;
import io.cardvault.tokens.entity.StoredToken;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenVaultTest {

    private static final String VISA = "4111111111111111";
    private static final String MASTER = java.util.Base64.getEncoder().encodeToString(new byte[32]);

    private final TenantId tenant = TenantId.random();
    private TokenVault vault;
    private Idempotency idempotency;

    @TempDir Path dataDir;

    private VaultFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new VaultFixture(dataDir, MASTER, null);
        vault = fixture.vault;
        idempotency = fixture.idempotency;
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private static CardInput card(Optional<String> cvc) {
        return new CardInput(
                CardNumber.of(VISA),
                12,
                2030,
                cvc,
                Optional.of("Jane Doe"),
                BrandCatalog.standard().detect(VISA));
    }

    @Test
    void create_thenFind_masksAndKeepsBrand() {
        StoredToken t = vault.create(tenant, card(Optional.empty()));
        StoredToken found = vault.find(tenant, t.id()).orElseThrow();
        assertEquals("visa", found.brand().id());
        assertEquals("411111", found.bin());
        assertEquals("1111", found.last4());
        assertEquals(t.fingerprint(), found.fingerprint());
    }

    @Test
    void reveal_decryptsCardAndCvc() {
        StoredToken t = vault.create(tenant, card(Optional.of("123")));
        RevealedCard card = vault.reveal(tenant, t.id()).orElseThrow();
        assertTrue(card.number().equals(CardNumber.of(VISA)), "the same number comes back");
        assertEquals(12, card.expiryMonth());
        assertEquals(Optional.of("Jane Doe"), card.holderName());
        assertEquals(Optional.of("123"), card.cvc());
    }

    @Test
    void otherTenant_cannotFindRevealOrDelete() {
        StoredToken t = vault.create(tenant, card(Optional.of("123")));
        TenantId other = TenantId.random();
        assertTrue(vault.find(other, t.id()).isEmpty());
        assertTrue(vault.reveal(other, t.id()).isEmpty());
        assertFalse(vault.delete(other, t.id()));
        assertTrue(vault.find(tenant, t.id()).isPresent());
    }

    @Test
    void delete_shredsCardCvcAndStoredReplays() {
        StoredToken t = vault.create(tenant, card(Optional.of("123")));
        IdempotencyKey key = new IdempotencyKey("pay-1");
        idempotency.reserve(tenant, "forward", key, "digest");
        idempotency.complete(tenant, "forward", key, "stored", Optional.of(t.id().value()));

        assertTrue(vault.delete(tenant, t.id()));

        assertTrue(vault.find(tenant, t.id()).isEmpty());
        assertTrue(vault.reveal(tenant, t.id()).isEmpty());
        assertFalse(vault.cvcAvailable(tenant, t.id()));
        assertEquals(
                Optional.empty(),
                idempotency.reserve(tenant, "forward", key, "digest"),
                "the replay of a forward that used the token is gone");
        assertFalse(vault.delete(tenant, t.id()), "a second delete finds nothing");
    }

    @Test
    void cvcUsedSuccessfully_dropsTheCvc() {
        StoredToken t = vault.create(tenant, card(Optional.of("123")));
        vault.cvcUsedSuccessfully(tenant, t.id());
        assertEquals(Optional.empty(), vault.reveal(tenant, t.id()).orElseThrow().cvc());
    }
}
