package io.cardvault.idempotency.entity;

import io.cardvault.platform.entity.ProblemType;

/** The problems of Idempotency-Key handling. Part of the API contract (docs/api.md). */
public enum IdempotencyProblem implements ProblemType {
    IDEMPOTENCY_CONFLICT(
            409, "idempotency-conflict", "Idempotency key reused with a different request");

    private final int status;
    private final String slug;
    private final String title;

    IdempotencyProblem(int status, String slug, String title) {
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
