package io.cardvault.forwarding.http;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Masks this token's PAN wherever a destination echoes it in a response body, so a provider that
 * reflects the request cannot leak card data back to the merchant. Occurrences written with up to
 * {@value #MAX_SEPARATORS} spaces or dashes between any two digits are found too. Masking is done
 * in place: the 7th digit up to the 5th-last become {@code *}, separators and every other byte stay
 * ({@code 4111111111111111} becomes {@code 411111******1111}, {@code 4111 1111 1111 1111} becomes
 * {@code 4111 11** **** 1111}), so lengths and offsets in the body do not change.
 *
 * <p>The body is scanned as bytes (ASCII digits are the same in UTF-8 and Latin-1); escaped forms
 * such as JSON {@code \u0034} or UTF-16 bodies are not recognised.
 */
@ApplicationScoped
public class ResponseRedactor {

    static final int MAX_SEPARATORS = 3;

    public ResponseRedactor() {}

    /**
     * @return a masked copy, or the given array when the PAN does not occur
     */
    public byte[] redact(byte[] body, String pan) {
        if (pan == null || !pan.matches("[0-9]{12,19}")) {
            throw new IllegalArgumentException("PAN must be 12 to 19 digits");
        }
        if (body == null) {
            return new byte[0];
        }
        byte[] out = null;
        int[] positions = new int[pan.length()];
        int i = 0;
        while (i < body.length) {
            int end = match(body, i, pan, positions);
            if (end < 0) {
                i++;
                continue;
            }
            if (out == null) {
                out = body.clone();
            }
            for (int k = 6; k < pan.length() - 4; k++) {
                out[positions[k]] = '*';
            }
            i = end;
        }
        return out == null ? body : out;
    }

    /** Returns the index after the match starting at {@code from}, or -1. */
    private static int match(byte[] body, int from, String pan, int[] positions) {
        int j = from;
        for (int k = 0; k < pan.length(); k++) {
            if (k > 0) {
                int separators = 0;
                while (j < body.length && isSeparator(body[j]) && separators < MAX_SEPARATORS) {
                    j++;
                    separators++;
                }
            }
            if (j >= body.length || body[j] != pan.charAt(k)) {
                return -1;
            }
            positions[k] = j++;
        }
        return j;
    }

    private static boolean isSeparator(byte b) {
        return b == ' ' || b == '-';
    }
}
