package io.cardvault.platform.entity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What every failure the caller should see has: a type (code, status, title), a detail that is safe
 * to show (never card data, keys or request bodies), field errors, and when to retry. It says
 * nothing about HTTP; the platform's exception mapper turns it into problem+json and headers.
 */
public interface Problem {

    ProblemType type();

    String detail();

    default List<FieldError> errors() {
        return List.of();
    }

    /** For limits: when the same request may succeed again (rendered as {@code Retry-After}). */
    default Optional<Duration> retryAfter() {
        return Optional.empty();
    }
}
