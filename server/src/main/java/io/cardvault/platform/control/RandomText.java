package io.cardvault.platform.control;

import java.util.Random;

/** Random identifiers in base62, the alphabet of API keys and sandbox payment ids. */
public final class RandomText {

    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private RandomText() {}

    /** {@code length} base62 characters drawn from {@code random} (a SecureRandom for secrets). */
    public static String base62(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(BASE62[random.nextInt(BASE62.length)]);
        }
        return sb.toString();
    }
}
