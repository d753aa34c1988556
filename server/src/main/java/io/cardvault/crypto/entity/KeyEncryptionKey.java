package io.cardvault.crypto.entity;

import java.time.Instant;

/**
 * One key-encryption key (a key of the Tink keyset): its id, status and creation time. Never holds
 * key material. {@code id} is Tink's 32-bit key id, shown unsigned.
 */
public record KeyEncryptionKey(int id, Status status, Instant createdAt) {

    /** As the API names it. */
    public enum Status {
        PRIMARY,
        ENABLED,
        DISABLED;

        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public String apiId() {
        return Integer.toUnsignedString(id);
    }
}
