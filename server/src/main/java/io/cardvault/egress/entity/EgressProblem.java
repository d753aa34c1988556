package io.cardvault.egress.entity;

import io.cardvault.platform.entity.ProblemType;

/** The problems of the egress policy. Part of the API contract (docs/api.md). */
public enum EgressProblem implements ProblemType {
    DESTINATION_NOT_ALLOWED(403, "destination-not-allowed", "Destination not allowed");

    private final int status;
    private final String slug;
    private final String title;

    EgressProblem(int status, String slug, String title) {
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
