package io.cardvault.fields.entity;

import io.cardvault.platform.entity.ProblemDefinition;
import io.cardvault.platform.entity.ProblemType;

/** Problems of the browser-facing endpoints. Part of the API contract (docs/api.md). */
public enum FieldsProblem implements ProblemType {
    ORIGIN_NOT_ALLOWED(403, "origin-not-allowed", "Origin not allowed");

    private final ProblemDefinition definition;

    FieldsProblem(int status, String slug, String title) {
        this.definition = new ProblemDefinition(status, slug, title);
    }

    @Override
    public ProblemDefinition definition() {
        return definition;
    }
}
