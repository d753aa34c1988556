package io.cardvault.forwarding.control;

import io.cardvault.forwarding.placeholder.CardAttributes;
import io.cardvault.tokens.entity.RevealedCard;
import java.util.Optional;

/** Adapts a decrypted card from the vault to what placeholders can read. */
record RevealedCardAttributes(RevealedCard card) implements CardAttributes {

    @Override
    public String number() {
        return card.number().revealDigits();
    }

    @Override
    public int expiryMonth() {
        return card.expiryMonth();
    }

    @Override
    public int expiryYear() {
        return card.expiryYear();
    }

    @Override
    public Optional<String> cvc() {
        return card.cvc();
    }

    @Override
    public Optional<String> holderName() {
        return card.holderName();
    }

    @Override
    public String brand() {
        return card.brand().id();
    }

    @Override
    public Optional<String> postalCode() {
        return card.postalCode();
    }

    @Override
    public String toString() {
        return "CardAttributes[" + card.number() + "]";
    }
}
