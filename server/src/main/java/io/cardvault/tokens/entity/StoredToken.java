package io.cardvault.tokens.entity;

import java.time.Instant;

/** A token's row: masked metadata only (the ciphertext stays in the vault). */
public record StoredToken(
        TokenId id,
        String tenantId,
        String brand,
        String bin,
        String last4,
        int expiryMonth,
        int expiryYear,
        String fingerprint,
        Instant createdAt) {}
