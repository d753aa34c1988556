package io.cardvault.tenants.control;

import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.entity.TenantProblem;

public final class TenantNotFoundException extends ProblemException {

    public TenantNotFoundException() {
        super(TenantProblem.TENANT_NOT_FOUND, "no tenant with this id");
    }
}
