package io.cardvault.checkout.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code cardvault-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">}, keyed
 * with the UTF-8 bytes of the tenant's callback secret. Merchants recompute v1 over the raw body
 * they received and compare in constant time (docs/hosted-page.md).
 */
public final class CallbackSigner {

    public static final String HEADER = "cardvault-signature";

    private CallbackSigner() {}

    public static String header(String secret, long unixSeconds, String rawBody) {
        return "t=" + unixSeconds + ",v1=" + v1(secret, unixSeconds, rawBody);
    }

    public static String v1(String secret, long unixSeconds, String rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest =
                    mac.doFinal((unixSeconds + "." + rawBody).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
