package io.cardvault.tokens.entity;

import io.cardvault.platform.entity.ProblemType;

/** The problems of the vault. Part of the API contract (docs/api.md). */
public enum TokenProblem implements ProblemType {
    TOKEN_NOT_FOUND(404, "token-not-found", "Token not found"),
    INVALID_CARD(422, "invalid-card", "Invalid card data"),
    CVC_UNAVAILABLE(422, "cvc-unavailable", "CVC not available"),
    CARD_GUESSING_SUSPECTED(
            429, "card-guessing-suspected", "Too many cards with this BIN and last 4");

    private final int status;
    private final String slug;
    private final String title;

    TokenProblem(int status, String slug, String title) {
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
