package io.cardvault.tokens.entity;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** A token id: a random UUID version 4 (RFC 9562), always lower case. */
public record TokenId(String value) {

    private static final Pattern V4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    public TokenId {
        if (value == null || !V4.matcher(value).matches()) {
            throw new IllegalArgumentException("not a UUID v4 token id");
        }
    }

    public static TokenId random() {
        return new TokenId(UUID.randomUUID().toString());
    }

    /** Any malformed input is simply "no such token". */
    public static Optional<TokenId> parse(String raw) {
        if (raw == null || raw.length() != 36) {
            return Optional.empty();
        }
        String lower = raw.toLowerCase(java.util.Locale.ROOT);
        return V4.matcher(lower).matches() ? Optional.of(new TokenId(lower)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
