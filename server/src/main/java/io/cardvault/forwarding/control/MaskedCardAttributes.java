package io.cardvault.forwarding.control;

import io.cardvault.forwarding.placeholder.CardAttributes;
import io.cardvault.tokens.entity.StoredToken;
import java.util.Optional;

/**
 * What a preview renders instead of card data: the PAN as {@code BIN******last4}, every other
 * attribute as {@code ***}. Built from the token's stored metadata, so a preview never decrypts the
 * card and never reads (or consumes) the CVC; it only knows whether one is there.
 */
record MaskedCardAttributes(String bin, String last4, boolean hasCvc, boolean hasHolderName)
        implements CardAttributes {

    static final String MASK = "***";

    static MaskedCardAttributes of(StoredToken token, boolean cvcAvailable) {
        return new MaskedCardAttributes(token.bin(), token.last4(), cvcAvailable, true);
    }

    @Override
    public String number() {
        return bin + "******" + last4;
    }

    @Override
    public int expiryMonth() {
        throw new UnsupportedOperationException("use the masked text");
    }

    @Override
    public int expiryYear() {
        throw new UnsupportedOperationException("use the masked text");
    }

    @Override
    public String expiryMonthText() {
        return MASK;
    }

    @Override
    public String expiryYearText() {
        return MASK;
    }

    @Override
    public Optional<String> cvc() {
        return hasCvc ? Optional.of(MASK) : Optional.empty();
    }

    @Override
    public Optional<String> holderName() {
        return hasHolderName ? Optional.of(MASK) : Optional.empty();
    }

    @Override
    public String brand() {
        return MASK;
    }

    @Override
    public String toString() {
        return "MaskedCardAttributes[" + number() + "]";
    }
}
