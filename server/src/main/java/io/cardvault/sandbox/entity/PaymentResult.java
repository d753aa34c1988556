package io.cardvault.sandbox.entity;

import java.util.Objects;
import java.util.Optional;

/**
 * What the sandbox acquirer decided. Holds only what may be stored and shown: brand and last four
 * digits, never the number, expiry or CVC.
 *
 * @param httpStatus 201 when approved, 402 when declined
 */
public record PaymentResult(
        String id,
        PaymentStatus status,
        Optional<DeclineCode> declineCode,
        int httpStatus,
        long amount,
        String currency,
        String brand,
        String last4) {

    public PaymentResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(declineCode, "declineCode");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(brand, "brand");
        if (last4 == null || last4.length() != 4) {
            throw new IllegalArgumentException("last4 must be four digits");
        }
    }

    public boolean approved() {
        return status == PaymentStatus.APPROVED;
    }
}
