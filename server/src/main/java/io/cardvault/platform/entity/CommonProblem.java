package io.cardvault.platform.entity;

/**
 * The problems every feature and the container itself can answer with. Part of the API contract
 * (docs/api.md).
 */
public enum CommonProblem implements ProblemType {
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
    HTTPS_REQUIRED(403, "https-required", "HTTPS required"),
    OPERATOR_ONLY(403, "operator-only", "Operator network or key required"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    REQUEST_TIMEOUT(408, "request-timeout", "Request body too slow"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    INTERNAL_ERROR(500, "internal-error", "Internal error"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable");

    private final ProblemDefinition definition;

    CommonProblem(int status, String slug, String title) {
        this.definition = new ProblemDefinition(status, slug, title);
    }

    @Override
    public ProblemDefinition definition() {
        return definition;
    }
}
