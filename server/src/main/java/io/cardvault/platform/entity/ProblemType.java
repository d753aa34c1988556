package io.cardvault.platform.entity;

/**
 * Every problem type the API answers with. The URI is {@code https://cardvault.io/problems/<slug>};
 * the list is documented in docs/api.md and is part of the contract.
 */
public enum ProblemType {
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
    INVALID_PLACEHOLDER(400, "invalid-placeholder", "Invalid placeholder"),
    INVALID_HEADER_OVERWRITE(400, "invalid-header-overwrite", "Invalid header overwrite"),
    UNAUTHENTICATED(401, "unauthenticated", "Missing or unknown API key"),
    FORBIDDEN(403, "forbidden", "Key not allowed to do this"),
    ADMIN_DISABLED(403, "admin-disabled", "Admin API disabled"),
    DESTINATION_NOT_ALLOWED(403, "destination-not-allowed", "Destination not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    TOKEN_NOT_FOUND(404, "token-not-found", "Token not found"),
    TENANT_NOT_FOUND(404, "tenant-not-found", "Tenant not found"),
    KEY_NOT_FOUND(404, "key-not-found", "Key not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    IDEMPOTENCY_CONFLICT(
            409, "idempotency-conflict", "Idempotency key reused with a different request"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    INVALID_CARD(422, "invalid-card", "Invalid card data"),
    INVALID_TENANT(422, "invalid-tenant", "Invalid tenant settings"),
    CVC_UNAVAILABLE(422, "cvc-unavailable", "CVC not available"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    INTERNAL_ERROR(500, "internal-error", "Internal error"),
    DESTINATION_UNREACHABLE(502, "destination-unreachable", "Destination unreachable"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable"),
    DESTINATION_TIMEOUT(504, "destination-timeout", "Destination timed out");

    public static final String BASE = "https://cardvault.io/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return BASE + slug;
    }
}
