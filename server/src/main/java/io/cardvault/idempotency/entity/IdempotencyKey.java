package io.cardvault.idempotency.entity;

import io.cardvault.platform.entity.CommonProblem;
import io.cardvault.platform.entity.ProblemException;
import java.util.Optional;

/** A merchant's {@code Idempotency-Key}: 1 to 255 visible ASCII characters. */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (value == null
                || value.isEmpty()
                || value.length() > MAX_LENGTH
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ProblemException(
                    CommonProblem.MALFORMED_REQUEST,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
    }

    /** Absent header → empty; a malformed one is a 400. */
    public static Optional<IdempotencyKey> fromHeader(String header) {
        return header == null ? Optional.empty() : Optional.of(new IdempotencyKey(header));
    }

    @Override
    public String toString() {
        return value;
    }
}
