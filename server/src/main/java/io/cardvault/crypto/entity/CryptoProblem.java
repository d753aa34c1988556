package io.cardvault.crypto.entity;

import io.cardvault.platform.entity.ProblemType;

/** The problems of the key lifecycle API. Part of the API contract (docs/api.md). */
public enum CryptoProblem implements ProblemType {
    KEY_NOT_FOUND(404, "key-not-found", "Key not found"),
    KEY_IN_USE(409, "key-in-use", "Key in use"),
    ROTATION_IN_PROGRESS(409, "rotation-in-progress", "A key rotation is running");

    private final int status;
    private final String slug;
    private final String title;

    CryptoProblem(int status, String slug, String title) {
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
