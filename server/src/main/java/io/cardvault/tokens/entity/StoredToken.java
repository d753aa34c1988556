package io.cardvault.tokens.entity;

import io.cardvault.cards.entity.Brand;
import io.cardvault.tenants.entity.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * A token's row: masked metadata only (the ciphertext stays in the vault). The postal code is not
 * card data, but it is never logged either.
 */
public record StoredToken(
        TokenId id,
        TenantId tenantId,
        Brand brand,
        String bin,
        String last4,
        int expiryMonth,
        int expiryYear,
        String fingerprint,
        Instant createdAt,
        Optional<String> postalCode) {

    /** A token stored without a postal code. */
    public StoredToken(
            TokenId id,
            TenantId tenantId,
            Brand brand,
            String bin,
            String last4,
            int expiryMonth,
            int expiryYear,
            String fingerprint,
            Instant createdAt) {
        this(
                id,
                tenantId,
                brand,
                bin,
                last4,
                expiryMonth,
                expiryYear,
                fingerprint,
                createdAt,
                Optional.empty());
    }
}
