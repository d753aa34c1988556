package io.cardvault.forwarding.placeholder;

import io.cardvault.forwarding.entity.ForwardProblem;
import io.cardvault.platform.entity.ProblemException;

/**
 * Strict RFC 8259 check of a rendered JSON body, on the UTF-8 bytes that will be sent: one value
 * (any type) with optional whitespace (SP, HTAB, LF, CR) around it and nothing after it; no
 * comments, no trailing commas, no NaN or Infinity, no leading zeros, no raw control characters in
 * strings, escapes only {@code \" \\ \/ \b \f \n \r \t \\uXXXX}. One UTF-8 byte order mark is
 * allowed at the very start. Nesting deeper than {@value #MAX_DEPTH} - 1 arrays or objects is
 * refused.
 *
 * <p>It accepts and refuses exactly what the streaming JSON-P (Parsson) parser it replaces did
 * (pinned by JsonValidityEquivalenceTest): like Parsson's tokenizer it does not check what a {@code
 * \\uXXXX} escape denotes (a lone surrogate escape passes), does not look at duplicate keys, and
 * does not bound the length of numbers. Unlike the parser it copies nothing: its state is a few
 * locals (the kind of the first 64 open containers kept in a long, deeper ones in one small array)
 * and there is no recursion, so nesting cannot exhaust the stack. Bytes from U+0080 on are only
 * allowed inside strings; they are valid UTF-8 by construction (strictly decoded template, values
 * encoded by the JDK).
 *
 * <p>The problem detail never quotes the body: it holds card data by now.
 */
final class JsonValidity {

    /** Parsson's default {@code org.eclipse.parsson.maxDepth}: 999 nested containers pass. */
    static final int MAX_DEPTH = 1000;

    /** Bytes a string may hold as they are: all but the quote, the backslash and C0 controls. */
    private static final boolean[] PLAIN_IN_STRING = new boolean[256];

    static {
        for (int c = 0x20; c < 256; c++) {
            PLAIN_IN_STRING[c] = c != '"' && c != '\\';
        }
    }

    private JsonValidity() {}

    /** Whether a string may hold this byte as it is (shared with {@link JsonSlots}' scan). */
    static boolean isPlainInString(byte c) {
        return PLAIN_IN_STRING[c & 0xFF];
    }

    static boolean isHexDigit(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * @throws ProblemException 400 malformed-body when {@code utf8} is not one strict JSON text
     */
    static void require(byte[] utf8) {
        if (!isValid(utf8)) {
            throw malformed();
        }
    }

    /**
     * One pass over the bytes with the cursor, the depth and the kinds of the open containers (bit
     * set = object) in locals, and static helpers that return the next index or -1: the JIT keeps
     * all of it in registers.
     */
    static boolean isValid(byte[] b) {
        int n = b.length;
        int i = 0;
        if (n >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            i = 3;
        }
        int depth = 0;
        long kinds = 0;
        long[] deeperKinds = null;
        while (true) {
            // here a value is expected
            i = skipWhitespace(b, i, n);
            if (i >= n) {
                return false;
            }
            byte c = b[i];
            if (c == '"') {
                i = string(b, i, n);
            } else if (c == '{' || c == '[') {
                boolean object = c == '{';
                if (depth + 1 >= MAX_DEPTH) {
                    return false;
                }
                int level = depth++;
                if (level < 64) {
                    kinds = object ? kinds | (1L << level) : kinds & ~(1L << level);
                } else {
                    if (deeperKinds == null) {
                        deeperKinds = new long[(MAX_DEPTH + 63) / 64];
                    }
                    long bit = 1L << (level & 63);
                    int word = level >>> 6;
                    deeperKinds[word] = object ? deeperKinds[word] | bit : deeperKinds[word] & ~bit;
                }
                i = skipWhitespace(b, i + 1, n);
                if (i < n && b[i] == (object ? (byte) '}' : (byte) ']')) {
                    depth--;
                    i++;
                } else if (object) {
                    i = key(b, i, n);
                    if (i < 0) {
                        return false;
                    }
                    continue;
                } else {
                    continue;
                }
            } else {
                i = scalar(b, i, n, c);
            }
            if (i < 0) {
                return false;
            }
            // here a value has just ended: close containers until a comma or the end
            while (true) {
                i = skipWhitespace(b, i, n);
                if (depth == 0) {
                    return i == n;
                }
                if (i >= n) {
                    return false;
                }
                c = b[i++];
                int level = depth - 1;
                boolean inObject =
                        level < 64
                                ? (kinds & (1L << level)) != 0
                                : (deeperKinds[level >>> 6] & (1L << (level & 63))) != 0;
                if (c == ',') {
                    if (inObject) {
                        i = key(b, i, n);
                        if (i < 0) {
                            return false;
                        }
                    }
                    break;
                }
                if (c != (inObject ? (byte) '}' : (byte) ']')) {
                    return false;
                }
                depth--;
            }
        }
    }

    static ProblemException malformed() {
        return new ProblemException(
                ForwardProblem.MALFORMED_BODY,
                "the body is declared JSON (Content-Type) and contains placeholders but is not"
                        + " valid JSON (RFC 8259); nothing was sent");
    }

    /** A string key, whitespace and the colon: the index before the value, or -1. */
    private static int key(byte[] b, int i, int n) {
        i = skipWhitespace(b, i, n);
        if (i >= n || b[i] != '"') {
            return -1;
        }
        i = string(b, i, n);
        if (i < 0) {
            return -1;
        }
        i = skipWhitespace(b, i, n);
        if (i >= n || b[i] != ':') {
            return -1;
        }
        return i + 1;
    }

    /**
     * A number, {@code true}, {@code false} or {@code null} at {@code i} (its first byte {@code
     * c}), ending before {@code n}: the index after it or -1. Shared with {@link JsonSlots}' token
     * scan.
     */
    static int scalar(byte[] b, int i, int n, byte c) {
        return switch (c) {
            case 't' -> word(b, i, n, 't', 'r', 'u', 'e');
            case 'f' -> word(b, i + 1, n, 'a', 'l', 's', 'e'); // the 'f' is at i
            case 'n' -> word(b, i, n, 'n', 'u', 'l', 'l');
            default -> (c == '-' || (c >= '0' && c <= '9')) ? number(b, i, n) : -1;
        };
    }

    private static int word(byte[] b, int i, int n, char c0, char c1, char c2, char c3) {
        if (i + 4 > n || b[i] != c0 || b[i + 1] != c1 || b[i + 2] != c2 || b[i + 3] != c3) {
            return -1;
        }
        return i + 4;
    }

    /** At the opening quote: the index past the closing quote, or -1. */
    private static int string(byte[] b, int i, int n) {
        int p = i + 1;
        while (true) {
            // the run of characters that need no look: the hot loop
            while (p < n && PLAIN_IN_STRING[b[p] & 0xFF]) {
                p++;
            }
            if (p >= n) {
                return -1;
            }
            byte c = b[p++];
            if (c == '"') {
                return p;
            }
            if (c != '\\') {
                return -1; // a raw control character
            }
            p = escape(b, p - 1, n);
            if (p < 0) {
                return -1;
            }
        }
    }

    /**
     * At the backslash {@code b[p]} of a string: the index after its escape, or -1 when it is not
     * one of {@code \" \\ \/ \b \f \n \r \t \\uXXXX} or does not end before {@code to} (shared with
     * {@link JsonSlots}, whose {@code to} is the end of a literal: an escape cut by a placeholder
     * is refused).
     */
    static int escape(byte[] b, int p, int to) {
        if (p + 1 >= to) {
            return -1;
        }
        switch (b[p + 1]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return p + 2;
            }
            case 'u' -> {
                if (p + 6 > to) {
                    return -1;
                }
                for (int k = p + 2; k < p + 6; k++) {
                    if (!isHexDigit(b[k])) {
                        return -1;
                    }
                }
                return p + 6;
            }
            default -> {
                return -1;
            }
        }
    }

    /**
     * {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?} at {@code i}, ending before
     * {@code n}: the index after it or -1. Shared with {@link JsonSlots}' token scan.
     */
    static int number(byte[] b, int i, int n) {
        if (b[i] == '-') {
            i++;
        }
        if (i >= n || !isDigit(b[i])) {
            return -1;
        }
        if (b[i++] != '0') {
            i = digits(b, i, n);
        }
        if (i < n && b[i] == '.') {
            int start = ++i;
            i = digits(b, i, n);
            if (i == start) {
                return -1;
            }
        }
        if (i < n && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < n && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int start = i;
            i = digits(b, i, n);
            return i > start ? i : -1;
        }
        return i;
    }

    private static int digits(byte[] b, int i, int n) {
        while (i < n && isDigit(b[i])) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static int skipWhitespace(byte[] b, int i, int n) {
        while (i < n) {
            byte c = b[i];
            // every whitespace byte is at most 0x20: one comparison for the common case
            if (c > ' ' || (c != ' ' && c != '\n' && c != '\r' && c != '\t')) {
                return i;
            }
            i++;
        }
        return i;
    }
}
