package io.cardvault.checkout.entity;

import io.cardvault.platform.entity.ProblemDefinition;
import io.cardvault.platform.entity.ProblemType;

/** The problems of checkout sessions. Part of the API contract (docs/api.md). */
public enum CheckoutProblem implements ProblemType {
    INVALID_CHECKOUT_SESSION(422, "invalid-checkout-session", "Invalid checkout session"),
    CHECKOUT_SESSION_NOT_FOUND(404, "checkout-session-not-found", "Checkout session not found"),
    CHECKOUT_SESSION_NOT_OPEN(409, "checkout-session-not-open", "Checkout session not open"),
    NOT_THE_HOSTED_PAGE(403, "not-the-hosted-page", "Only the hosted page may do this");

    private final ProblemDefinition definition;

    CheckoutProblem(int status, String slug, String title) {
        this.definition = new ProblemDefinition(status, slug, title);
    }

    @Override
    public ProblemDefinition definition() {
        return definition;
    }
}
