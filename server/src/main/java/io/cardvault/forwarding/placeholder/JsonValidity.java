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
 * does not bound the length of numbers. Unlike the parser it copies nothing: one small cursor
 * object (the kind of the first 64 open containers kept in a long, deeper ones in one small array)
 * and no recursion, so nesting cannot exhaust the stack. Bytes from U+0080 on are only allowed
 * inside strings; they are valid UTF-8 by construction (strictly decoded template, values encoded
 * by the JDK).
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

    static boolean isValid(byte[] b) {
        return new Scan(b).document();
    }

    static ProblemException malformed() {
        return new ProblemException(
                ForwardProblem.MALFORMED_BODY,
                "the body is declared JSON (Content-Type) and contains placeholders but is not"
                        + " valid JSON (RFC 8259); nothing was sent");
    }

    /**
     * One pass over the bytes. A small object that escape analysis removes once the check is
     * inlined; its fields are the cursor and the stack of open containers (bit set = object).
     */
    private static final class Scan {
        private final byte[] b;
        private final int n;
        private int i;
        private int depth;
        private long kinds;
        private long[] deeperKinds;

        Scan(byte[] b) {
            this.b = b;
            this.n = b.length;
        }

        boolean document() {
            if (n >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
                i = 3;
            }
            while (true) {
                // here a value is expected
                skipWhitespace();
                if (i >= n) {
                    return false;
                }
                byte c = b[i];
                if (c == '{' || c == '[') {
                    if (!open(c == '{')) {
                        return false;
                    }
                    i++;
                    skipWhitespace();
                    if (i < n && b[i] == (c == '{' ? (byte) '}' : (byte) ']')) {
                        depth--;
                        i++;
                    } else if (c == '{') {
                        if (!key()) {
                            return false;
                        }
                        continue;
                    } else {
                        continue;
                    }
                } else if (!scalar(c)) {
                    return false;
                }
                // here a value has just ended: close containers until a comma or the end
                while (true) {
                    skipWhitespace();
                    if (depth == 0) {
                        return i == n;
                    }
                    if (i >= n) {
                        return false;
                    }
                    c = b[i++];
                    boolean inObject = inObject();
                    if (c == ',') {
                        if (inObject && !key()) {
                            return false;
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

        /** A string key, whitespace and the colon; the cursor is then before the value. */
        private boolean key() {
            skipWhitespace();
            if (i >= n || b[i] != '"' || !string()) {
                return false;
            }
            skipWhitespace();
            if (i >= n || b[i] != ':') {
                return false;
            }
            i++;
            return true;
        }

        private boolean scalar(byte c) {
            return switch (c) {
                case '"' -> string();
                case 't' -> word('t', 'r', 'u', 'e');
                case 'f' -> word('f', 'a', 'l', 's') && expect('e');
                case 'n' -> word('n', 'u', 'l', 'l');
                default -> (c == '-' || (c >= '0' && c <= '9')) && number();
            };
        }

        private boolean word(char c0, char c1, char c2, char c3) {
            if (i + 4 > n || b[i] != c0 || b[i + 1] != c1 || b[i + 2] != c2 || b[i + 3] != c3) {
                return false;
            }
            i += 4;
            return true;
        }

        private boolean expect(char c) {
            if (i < n && b[i] == c) {
                i++;
                return true;
            }
            return false;
        }

        /** At the opening quote; after it, the cursor is past the closing quote. */
        private boolean string() {
            byte[] bytes = b;
            int end = n;
            int p = i + 1;
            while (true) {
                // the run of characters that need no look (a local cursor: the hot loop)
                while (p < end && isPlainInString(bytes[p])) {
                    p++;
                }
                if (p >= end) {
                    return false;
                }
                byte c = bytes[p++];
                if (c == '"') {
                    i = p;
                    return true;
                }
                if (c != '\\') {
                    return false; // a raw control character
                }
                i = p;
                if (!escape()) {
                    return false;
                }
                p = i;
            }
        }

        private boolean escape() {
            if (i >= n) {
                return false;
            }
            byte e = b[i++];
            switch (e) {
                case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                    return true;
                }
                case 'u' -> {
                    if (i + 4 > n) {
                        return false;
                    }
                    for (int end = i + 4; i < end; i++) {
                        if (!isHexDigit(b[i])) {
                            return false;
                        }
                    }
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }

        /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?} */
        private boolean number() {
            if (b[i] == '-') {
                i++;
            }
            if (i >= n || !isDigit(b[i])) {
                return false;
            }
            if (b[i++] != '0') {
                digits();
            }
            if (i < n && b[i] == '.') {
                i++;
                if (digits() == 0) {
                    return false;
                }
            }
            if (i < n && (b[i] == 'e' || b[i] == 'E')) {
                i++;
                if (i < n && (b[i] == '+' || b[i] == '-')) {
                    i++;
                }
                return digits() > 0;
            }
            return true;
        }

        private int digits() {
            int start = i;
            while (i < n && isDigit(b[i])) {
                i++;
            }
            return i - start;
        }

        private static boolean isDigit(byte c) {
            return c >= '0' && c <= '9';
        }

        private void skipWhitespace() {
            while (i < n) {
                byte c = b[i];
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                    return;
                }
                i++;
            }
        }

        /** Pushes an object or array; false past the depth limit. */
        private boolean open(boolean object) {
            if (depth + 1 >= MAX_DEPTH) {
                return false;
            }
            int level = depth++;
            if (level < 64) {
                kinds = object ? kinds | (1L << level) : kinds & ~(1L << level);
                return true;
            }
            if (deeperKinds == null) {
                deeperKinds = new long[(MAX_DEPTH + 63) / 64];
            }
            long bit = 1L << (level & 63);
            int word = level >>> 6;
            deeperKinds[word] = object ? deeperKinds[word] | bit : deeperKinds[word] & ~bit;
            return true;
        }

        private boolean inObject() {
            int level = depth - 1;
            if (level < 64) {
                return (kinds & (1L << level)) != 0;
            }
            return (deeperKinds[level >>> 6] & (1L << (level & 63))) != 0;
        }
    }
}
