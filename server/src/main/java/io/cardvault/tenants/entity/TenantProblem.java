package io.cardvault.tenants.entity;

import io.cardvault.platform.entity.ProblemDefinition;
import io.cardvault.platform.entity.ProblemType;

/**
 * The problems of authentication, keys and tenant administration. Part of the API contract
 * (docs/api.md).
 */
public enum TenantProblem implements ProblemType {
    UNAUTHENTICATED(401, "unauthenticated", "Missing or unknown API key"),
    FORBIDDEN(403, "forbidden", "Key not allowed to do this"),
    ADMIN_DISABLED(403, "admin-disabled", "Admin API disabled"),
    TENANT_NOT_FOUND(404, "tenant-not-found", "Tenant not found"),
    KEY_NOT_FOUND(404, "key-not-found", "Key not found"),
    INVALID_TENANT(422, "invalid-tenant", "Invalid tenant settings");

    private final ProblemDefinition definition;

    TenantProblem(int status, String slug, String title) {
        this.definition = new ProblemDefinition(status, slug, title);
    }

    @Override
    public ProblemDefinition definition() {
        return definition;
    }
}
