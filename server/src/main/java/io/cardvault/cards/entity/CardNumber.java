package io.cardvault.cards.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A primary account number. A secret type: {@link #toString()} is masked, equality is
 * constant-time, and the only way to read the digits is {@link #revealDigits()}, whose name makes
 * misuse visible in review. Construct through {@link #of(String)} after validation; the constructor
 * only accepts ASCII digits so a value of this type is always digits.
 */
public final class CardNumber {

    private final String digits;

    private CardNumber(String digits) {
        this.digits = digits;
    }

    /**
     * @throws IllegalArgumentException (without the value in the message) unless 12..19 ASCII
     *     digits
     */
    public static CardNumber of(String digits) {
        if (digits == null
                || digits.length() < 12
                || digits.length() > 19
                || !isAsciiDigits(digits)) {
            throw new IllegalArgumentException("a card number is 12 to 19 ASCII digits");
        }
        return new CardNumber(digits);
    }

    static boolean isAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The full PAN. Only the vault and the forwarding injector may call this. */
    public String revealDigits() {
        return digits;
    }

    public String bin() {
        return digits.substring(0, 6);
    }

    public String last4() {
        return digits.substring(digits.length() - 4);
    }

    public int length() {
        return digits.length();
    }

    /** First six and last four digits, the rest as {@code *}: the PCI DSS display mask. */
    public String masked() {
        return bin() + "*".repeat(digits.length() - 10) + last4();
    }

    @Override
    public String toString() {
        return "CardNumber[" + masked() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CardNumber other
                && MessageDigest.isEqual(
                        digits.getBytes(StandardCharsets.US_ASCII),
                        other.digits.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return last4().hashCode();
    }
}
