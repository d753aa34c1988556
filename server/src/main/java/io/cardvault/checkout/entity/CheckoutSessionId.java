package io.cardvault.checkout.entity;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code cs_} and 32 random base62 characters (~190 bits): the session URL is its capability. */
public record CheckoutSessionId(String value) {

    private static final Pattern FORMAT = Pattern.compile("cs_[0-9A-Za-z]{32}");
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public CheckoutSessionId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a checkout session id");
        }
    }

    public static CheckoutSessionId random() {
        StringBuilder b = new StringBuilder("cs_");
        for (int i = 0; i < 32; i++) {
            b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return new CheckoutSessionId(b.toString());
    }

    public static Optional<CheckoutSessionId> parse(String raw) {
        return raw != null && FORMAT.matcher(raw).matches()
                ? Optional.of(new CheckoutSessionId(raw))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
