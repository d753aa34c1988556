package io.cardvault.fields.entity;

import io.cardvault.platform.entity.ProblemType;

/** Problems of the browser-facing endpoints. Part of the API contract (docs/api.md). */
public enum FieldsProblem implements ProblemType {
    ORIGIN_NOT_ALLOWED(403, "origin-not-allowed", "Origin not allowed");

    private final int status;
    private final String slug;
    private final String title;

    FieldsProblem(int status, String slug, String title) {
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
