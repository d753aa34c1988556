package io.cardvault.tokens.entity;

import io.cardvault.cards.entity.Brand;
import io.cardvault.cards.entity.CardNumber;
import java.util.Optional;

/** Decrypted card data for one forward. Lives only for the duration of that request. */
public record RevealedCard(
        TokenId tokenId,
        CardNumber number,
        int expiryMonth,
        int expiryYear,
        Optional<String> holderName,
        Brand brand,
        Optional<String> cvc,
        Optional<String> postalCode) {

    public RevealedCard(
            TokenId tokenId,
            CardNumber number,
            int expiryMonth,
            int expiryYear,
            Optional<String> holderName,
            Brand brand,
            Optional<String> cvc) {
        this(tokenId, number, expiryMonth, expiryYear, holderName, brand, cvc, Optional.empty());
    }

    @Override
    public String toString() {
        return "RevealedCard[" + tokenId + ", " + number + "]";
    }
}
