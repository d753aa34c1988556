package io.cardvault.tenants.entity;

/** Publishable keys may only create tokens; secret keys may do everything for their tenant. */
public enum KeyKind {
    PUBLISHABLE("pk_"),
    SECRET("sk_");

    private final String prefix;

    KeyKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
