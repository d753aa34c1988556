package io.cardvault.tenants.entity;

/** A freshly issued key pair; the only moment the full keys exist outside the caller's hands. */
public record IssuedKeys(String publishableKey, String secretKey) {

    @Override
    public String toString() {
        return "IssuedKeys[publishableKey="
                + publishableKey.substring(0, 11)
                + "…, secretKey="
                + secretKey.substring(0, 11)
                + "…]";
    }
}
