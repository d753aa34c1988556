package io.cardvault.forwarding.placeholder;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A parsed body's original UTF-8 bytes with the byte offset where each template part starts, so
 * that rendering copies the merchant's bytes outside placeholders as they are (never re-encoded)
 * and writes the result into one array of the exact size: no intermediate text, no second copy.
 */
final class BodyBytes {

    private final byte[] original;
    private final List<Template.Part> parts;

    /** Byte offset where part {@code i} starts; the last entry is the body's length. */
    private final int[] offsets;

    /**
     * @param decoded {@code original} strictly decoded (so surrogates come in pairs)
     */
    BodyBytes(byte[] original, String decoded, Template template) {
        this.original = original;
        this.parts = template.parts();
        this.offsets = new int[parts.size() + 1];
        boolean ascii = decoded.length() == original.length;
        int chars = 0;
        int bytes = 0;
        for (int i = 0; i < parts.size(); i++) {
            int start = parts.get(i).start();
            if (ascii) {
                bytes = start;
            } else {
                bytes += utf8Length(decoded, chars, start);
            }
            chars = start;
            offsets[i] = bytes;
        }
        offsets[parts.size()] = original.length;
        if (!ascii && bytes + utf8Length(decoded, chars, decoded.length()) != original.length) {
            throw new IllegalStateException("body offsets do not match its UTF-8 bytes");
        }
    }

    List<Template.Part> parts() {
        return parts;
    }

    int length() {
        return original.length;
    }

    /** The body as received; read it, never change it. */
    byte[] original() {
        return original;
    }

    /** Byte offset where part {@code part} starts; {@code offset(parts().size())} is the length. */
    int offset(int part) {
        return offsets[part];
    }

    /**
     * The body with each placeholder replaced by its (already escaped) value.
     *
     * @param values per part: the UTF-8 bytes that replace a placeholder; null for literals
     * @param swallowQuotes per part, or null: the placeholder also replaces the quote that ends the
     *     literal before it and the quote that starts the literal after it (JSON's unwrapped number
     *     as the whole content of a string)
     */
    byte[] render(byte[][] values, boolean[] swallowQuotes) {
        int size = 0;
        for (int i = 0; i < values.length; i++) {
            size +=
                    values[i] != null
                            ? values[i].length
                            : literalEnd(i, swallowQuotes) - literalStart(i, swallowQuotes);
        }
        byte[] out = new byte[size];
        int at = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                System.arraycopy(values[i], 0, out, at, values[i].length);
                at += values[i].length;
            } else {
                int from = literalStart(i, swallowQuotes);
                int length = literalEnd(i, swallowQuotes) - from;
                System.arraycopy(original, from, out, at, length);
                at += length;
            }
        }
        return out;
    }

    static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private int literalStart(int i, boolean[] swallowQuotes) {
        boolean swallowed = swallowQuotes != null && i > 0 && swallowQuotes[i - 1];
        return offsets[i] + (swallowed ? 1 : 0);
    }

    private int literalEnd(int i, boolean[] swallowQuotes) {
        boolean swallowed =
                swallowQuotes != null && i + 1 < swallowQuotes.length && swallowQuotes[i + 1];
        return offsets[i + 1] - (swallowed ? 1 : 0);
    }

    /** UTF-8 length of {@code text[from, to)} without encoding it; a surrogate pair is 4 bytes. */
    private static int utf8Length(String text, int from, int to) {
        int length = 0;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            length += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return length;
    }
}
