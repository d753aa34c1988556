package io.cardvault.tokens.entity;

import io.cardvault.cards.entity.Brand;
import io.cardvault.tenants.entity.TenantId;
import java.time.Instant;

/** A token's row: masked metadata only (the ciphertext stays in the vault). */
public record StoredToken(
        TokenId id,
        TenantId tenantId,
        Brand brand,
        String bin,
        String last4,
        int expiryMonth,
        int expiryYear,
        String fingerprint,
        Instant createdAt) {}
