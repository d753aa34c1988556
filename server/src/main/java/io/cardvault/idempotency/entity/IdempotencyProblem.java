package io.cardvault.idempotency.entity;

import io.cardvault.platform.entity.ProblemDefinition;
import io.cardvault.platform.entity.ProblemType;

/** The problems of Idempotency-Key handling. Part of the API contract (docs/api.md). */
public enum IdempotencyProblem implements ProblemType {
    IDEMPOTENCY_CONFLICT(
            409, "idempotency-conflict", "Idempotency key reused with a different request");

    private final ProblemDefinition definition;

    IdempotencyProblem(int status, String slug, String title) {
        this.definition = new ProblemDefinition(status, slug, title);
    }

    @Override
    public ProblemDefinition definition() {
        return definition;
    }
}
