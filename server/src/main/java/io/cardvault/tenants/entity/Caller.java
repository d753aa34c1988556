package io.cardvault.tenants.entity;

/** An authenticated tenant key: who calls and with which power. */
public record Caller(TenantId tenantId, KeyKind kind, String keyPrefix) {

    public boolean isSecret() {
        return kind == KeyKind.SECRET;
    }
}
