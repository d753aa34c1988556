package io.cardvault.forwarding.placeholder;

import io.cardvault.forwarding.entity.CvcUnavailableException;
import java.util.Optional;

/** The card attributes a placeholder may name, with the type the api.md contract gives them. */
public enum Attribute {
    NUMBER("number", false),
    EXPIRY_MONTH("expiryMonth", true),
    EXPIRY_YEAR("expiryYear", true),
    CVC("cvc", false),
    HOLDER_NAME("holderName", false),
    BRAND("brand", false),
    POSTAL_CODE("postalCode", false);

    private static final Attribute[] ALL = values();

    private final String placeholderName;
    private final boolean numeric;

    Attribute(String placeholderName, boolean numeric) {
        this.placeholderName = placeholderName;
        this.numeric = numeric;
    }

    /**
     * Exact, case-sensitive lookup: {@code Number} is an unknown attribute, not a typo to forgive.
     */
    static Optional<Attribute> byName(String name) {
        for (Attribute attribute : ALL) {
            if (attribute.placeholderName.equals(name)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }

    public String placeholderName() {
        return placeholderName;
    }

    boolean numeric() {
        return numeric;
    }

    /**
     * @throws CvcUnavailableException if this is {@link #CVC} and the token has none
     */
    String read(CardAttributes card) {
        return switch (this) {
            case NUMBER -> card.number();
            case EXPIRY_MONTH -> card.expiryMonthText();
            case EXPIRY_YEAR -> card.expiryYearText();
            case CVC -> card.cvc().orElseThrow(CvcUnavailableException::new);
            case HOLDER_NAME -> card.holderName().orElse("");
            case BRAND -> card.brand();
            case POSTAL_CODE -> card.postalCode().orElse("");
        };
    }
}
