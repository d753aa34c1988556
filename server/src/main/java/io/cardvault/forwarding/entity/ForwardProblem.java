package io.cardvault.forwarding.entity;

import io.cardvault.platform.entity.ProblemType;

/**
 * The problems of the compliance proxy itself (never the destination's own answers). Part of the
 * API contract (docs/api.md).
 */
public enum ForwardProblem implements ProblemType {
    INVALID_PLACEHOLDER(400, "invalid-placeholder", "Invalid placeholder"),
    INVALID_HEADER_OVERWRITE(400, "invalid-header-overwrite", "Invalid header overwrite"),
    MALFORMED_BODY(400, "malformed-body", "Malformed request body"),
    DESTINATION_UNREACHABLE(502, "destination-unreachable", "Destination unreachable"),
    RESPONSE_TOO_LARGE(502, "response-too-large", "Destination response too large"),
    RESPONSE_UNREADABLE(502, "response-unreadable", "Destination response cannot be checked"),
    DESTINATION_TIMEOUT(504, "destination-timeout", "Destination timed out");

    private final int status;
    private final String slug;
    private final String title;

    ForwardProblem(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public String title() {
        return title;
    }
}
