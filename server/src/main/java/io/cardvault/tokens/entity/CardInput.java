package io.cardvault.tokens.entity;

import io.cardvault.cards.entity.Brand;
import io.cardvault.cards.entity.CardNumber;
import java.util.Optional;

/** Validated card data on its way into the vault. toString never shows the PAN or CVC. */
public record CardInput(
        CardNumber number,
        int expiryMonth,
        int expiryYear,
        Optional<String> cvc,
        Optional<String> holderName,
        Brand brand,
        Optional<String> postalCode) {

    /** A card without a postal code. */
    public CardInput(
            CardNumber number,
            int expiryMonth,
            int expiryYear,
            Optional<String> cvc,
            Optional<String> holderName,
            Brand brand) {
        this(number, expiryMonth, expiryYear, cvc, holderName, brand, Optional.empty());
    }

    @Override
    public String toString() {
        return "CardInput["
                + number
                + ", "
                + expiryMonth
                + "/"
                + expiryYear
                + ", cvc="
                + (cvc.isPresent() ? "***" : "none")
                + "]";
    }
}
