package io.cardvault.forwarding.entity;

import io.cardvault.platform.entity.ProblemDefinition;
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

    private final ProblemDefinition definition;

    ForwardProblem(int status, String slug, String title) {
        this.definition = new ProblemDefinition(status, slug, title);
    }

    @Override
    public ProblemDefinition definition() {
        return definition;
    }
}
