package io.cardvault.tenants.control;

import io.cardvault.platform.control.RandomText;
import io.cardvault.tenants.entity.KeyKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Key material: {@code pk_}/{@code sk_} followed by 32 base62 characters (about 190 bits of
 * randomness). The first 11 characters are the public prefix used to find and revoke a key; the
 * whole key is only ever stored as its SHA-256 hash and compared in constant time.
 */
public final class ApiKeys {

    public static final int PREFIX_LENGTH = 11;
    static final int RANDOM_CHARS = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    public static String generate(KeyKind kind) {
        return kind.prefix() + randomBase62(RANDOM_CHARS);
    }

    public static String randomBase62(int length) {
        return RandomText.base62(RANDOM, length);
    }

    public static String prefixOf(String key) {
        return key.substring(0, PREFIX_LENGTH);
    }

    /** A syntactically possible key: anything else is rejected before touching the database. */
    public static boolean looksLikeKey(String key) {
        if (key == null || key.length() != 3 + RANDOM_CHARS) {
            return false;
        }
        if (!key.startsWith(KeyKind.PUBLISHABLE.prefix())
                && !key.startsWith(KeyKind.SECRET.prefix())) {
            return false;
        }
        for (int i = 3; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    public static String hash(String key) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable");
        }
    }

    /** Constant-time comparison of a presented key with a stored hash. */
    public static boolean matches(String presentedKey, String storedHash) {
        return MessageDigest.isEqual(
                hash(presentedKey).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
