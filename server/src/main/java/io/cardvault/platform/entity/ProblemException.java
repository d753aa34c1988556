package io.cardvault.platform.entity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A failure the caller should see as a problem detail, with a type from the feature that raised it.
 * The detail text is shown to API callers: it must never contain card data, keys or request bodies.
 */
public class ProblemException extends RuntimeException implements Problem {

    private final ProblemType type;
    private final List<FieldError> errors;
    private final Duration retryAfter;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), null);
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        this(type, detail, errors, null);
    }

    protected ProblemException(
            ProblemType type, String detail, List<FieldError> errors, Duration retryAfter) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    /** A limit was hit; the same request may succeed after {@code retryAfter}. */
    public static ProblemException limited(ProblemType type, String detail, Duration retryAfter) {
        return new ProblemException(type, detail, List.of(), retryAfter);
    }

    @Override
    public ProblemType type() {
        return type;
    }

    @Override
    public String detail() {
        return getMessage();
    }

    @Override
    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
