package io.cardvault.tenants.control;

import io.cardvault.platform.control.ApiException;
import io.cardvault.platform.entity.ProblemType;

public final class TenantNotFoundException extends ApiException {

    public TenantNotFoundException() {
        super(ProblemType.TENANT_NOT_FOUND, "no tenant with this id");
    }
}
