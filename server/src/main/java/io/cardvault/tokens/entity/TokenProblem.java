package io.cardvault.tokens.entity;

import io.cardvault.platform.entity.ProblemDefinition;
import io.cardvault.platform.entity.ProblemType;

/** The problems of the vault. Part of the API contract (docs/api.md). */
public enum TokenProblem implements ProblemType {
    TOKEN_NOT_FOUND(404, "token-not-found", "Token not found"),
    INVALID_CARD(422, "invalid-card", "Invalid card data"),
    CVC_UNAVAILABLE(422, "cvc-unavailable", "CVC not available"),
    CARD_GUESSING_SUSPECTED(
            429, "card-guessing-suspected", "Too many cards with this BIN and last 4");

    private final ProblemDefinition definition;

    TokenProblem(int status, String slug, String title) {
        this.definition = new ProblemDefinition(status, slug, title);
    }

    @Override
    public ProblemDefinition definition() {
        return definition;
    }
}
