package io.cardvault.tenants.entity;

/**
 * A freshly issued key pair and callback secret; the only moment they exist in full outside the
 * caller's hands (the callback secret is kept to sign checkout callbacks, never shown again).
 */
public record IssuedKeys(String publishableKey, String secretKey, String callbackSecret) {

    @Override
    public String toString() {
        return "IssuedKeys[publishableKey="
                + publishableKey.substring(0, 11)
                + "…, secretKey="
                + secretKey.substring(0, 11)
                + "…, callbackSecret=…]";
    }
}
