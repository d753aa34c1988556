package io.cardvault.crypto.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key check value: 64 bits of HMAC-SHA256 under the master key, so the database can recognise a
 * master key that a rotation retired and say so, without storing anything that helps to find the
 * key.
 */
final class MasterKeyCheck {

    private MasterKeyCheck() {}

    static String of(byte[] masterKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
            byte[] out =
                    mac.doFinal(
                            "cardvault/master-key-check/v1".getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(out, 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable");
        }
    }
}
