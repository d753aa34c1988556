package io.cardvault.crypto.entity;

import io.cardvault.platform.entity.ProblemDefinition;
import io.cardvault.platform.entity.ProblemType;

/** The problems of the key lifecycle API. Part of the API contract (docs/api.md). */
public enum CryptoProblem implements ProblemType {
    KEY_NOT_FOUND(404, "key-not-found", "Key not found"),
    KEY_IN_USE(409, "key-in-use", "Key in use"),
    ROTATION_IN_PROGRESS(409, "rotation-in-progress", "A key rotation is running");

    private final ProblemDefinition definition;

    CryptoProblem(int status, String slug, String title) {
        this.definition = new ProblemDefinition(status, slug, title);
    }

    @Override
    public ProblemDefinition definition() {
        return definition;
    }
}
