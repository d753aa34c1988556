package io.cardvault.crypto.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Card fingerprints: HMAC-SHA256 of the PAN under a key derived per tenant from one root secret.
 * The same card gives the same fingerprint within a tenant and unrelated values across tenants, so
 * a fingerprint can never be used to correlate cards between merchants.
 */
public final class Fingerprinter {

    private final byte[] rootKey;

    public Fingerprinter(byte[] rootKey) {
        if (rootKey.length < 32) {
            throw new IllegalArgumentException("fingerprint root key must have at least 256 bits");
        }
        this.rootKey = rootKey.clone();
    }

    public String fingerprint(String tenantId, String digits) {
        byte[] tenantKey = hmac(rootKey, "fingerprint|" + tenantId);
        byte[] mac = hmac(tenantKey, digits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac).substring(0, 22);
    }

    /**
     * A keyed hash for other per-tenant secrets (e.g. idempotency request digests), never
     * reversible.
     */
    public String keyedDigest(String tenantId, byte[] data) {
        byte[] tenantKey = hmac(rootKey, "digest|" + tenantId);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tenantKey, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable");
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable");
        }
    }
}
