package io.cardvault.egress.entity;

import io.cardvault.platform.entity.ProblemDefinition;
import io.cardvault.platform.entity.ProblemType;

/** The problems of the egress policy. Part of the API contract (docs/api.md). */
public enum EgressProblem implements ProblemType {
    DESTINATION_NOT_ALLOWED(403, "destination-not-allowed", "Destination not allowed");

    private final ProblemDefinition definition;

    EgressProblem(int status, String slug, String title) {
        this.definition = new ProblemDefinition(status, slug, title);
    }

    @Override
    public ProblemDefinition definition() {
        return definition;
    }
}
