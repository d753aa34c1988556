package io.cardvault.forwarding.placeholder;

import java.util.Optional;

/**
 * What a placeholder can read from a token. Kept as an interface so the engine never depends on how
 * the vault stores or decrypts cards.
 *
 * <p>{@link #number()} is the full PAN: never log it, never put it in a message.
 */
public interface CardAttributes {

    String number();

    int expiryMonth();

    int expiryYear();

    /** The month as placeholders read it; a preview's masked attributes show {@code ***}. */
    default String expiryMonthText() {
        return Integer.toString(expiryMonth());
    }

    /** The year as placeholders read it; a preview's masked attributes show {@code ***}. */
    default String expiryYearText() {
        return Integer.toString(expiryYear());
    }

    Optional<String> cvc();

    Optional<String> holderName();

    String brand();

    /** Not card data, but never logged either; empty when the token has none. */
    default Optional<String> postalCode() {
        return Optional.empty();
    }
}
