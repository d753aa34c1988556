package io.cardvault.tenants.entity;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** A tenant id: a random UUID (lower case). Every tenant-scoped lookup takes one of these. */
public record TenantId(String value) {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public TenantId {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a tenant id");
        }
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID().toString());
    }

    /** Any malformed input is simply "no such tenant". */
    public static Optional<TenantId> parse(String raw) {
        if (raw == null || raw.length() != 36) {
            return Optional.empty();
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        return UUID_TEXT.matcher(lower).matches()
                ? Optional.of(new TenantId(lower))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
