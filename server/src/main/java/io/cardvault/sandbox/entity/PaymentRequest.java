package io.cardvault.sandbox.entity;

import java.util.Objects;
import java.util.Optional;

/**
 * A payment as the caller sent it, already split into fields but not yet validated. The card number
 * and CVC are secrets: {@link #toString()} shows neither, so the record is safe in a log line or an
 * assertion message.
 *
 * @param amount in minor units (cents)
 * @param number card number, digits only
 * @param expYear as sent: 2 or 4 digits
 */
public record PaymentRequest(
        long amount,
        String currency,
        String number,
        int expMonth,
        int expYear,
        Optional<String> cvc,
        Optional<String> holderName) {

    public PaymentRequest {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(cvc, "cvc");
        Objects.requireNonNull(holderName, "holderName");
    }

    @Override
    public String toString() {
        return "PaymentRequest[amount="
                + amount
                + ", currency="
                + currency
                + ", number=****, cvc="
                + (cvc.isPresent() ? "***" : "none")
                + "]";
    }
}
