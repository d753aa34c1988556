package io.cardvault.platform.control;

import io.cardvault.platform.entity.FieldError;
import io.cardvault.platform.entity.ProblemType;
import java.util.List;
import java.util.Map;

/**
 * A failure the caller should see as a problem detail. The detail text is shown to API callers: it
 * must never contain card data, keys or request bodies.
 */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ApiException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public ApiException(ProblemType type, String detail, List<FieldError> errors) {
        this(type, detail, errors, Map.of());
    }

    public ApiException(
            ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Extra response headers, e.g. Retry-After or x-cardvault-error. */
    public Map<String, String> headers() {
        return headers;
    }
}
