package io.cardvault.forwarding.placeholder;

import io.cardvault.egress.entity.UriCharacters;
import java.nio.charset.StandardCharsets;

/**
 * Escapes an injected value for the syntax it lands in, so that a hostile holder name (quotes,
 * backslashes, markup, CR/LF) can never change the structure of the merchant's request.
 */
enum ValueEscaper {
    /** Inside a JSON string: quote, backslash, all C0 controls, DEL and U+2028/U+2029 escaped. */
    JSON_STRING {
        @Override
        String escape(String value) {
            int first = 0;
            while (first < value.length() && !needsJsonEscape(value.charAt(first))) {
                first++;
            }
            if (first == value.length()) {
                return value;
            }
            StringBuilder out = new StringBuilder(value.length() + 8).append(value, 0, first);
            for (int i = first; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    default -> {
                        if (needsJsonEscape(c)) {
                            out.append("\\u")
                                    .append(LOWER_HEX[c >> 12])
                                    .append(LOWER_HEX[(c >> 8) & 0xf])
                                    .append(LOWER_HEX[(c >> 4) & 0xf])
                                    .append(LOWER_HEX[c & 0xf]);
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.toString();
        }
    },

    /**
     * XML text or attribute value: the five markup characters as entities, TAB/LF/CR as character
     * references (so attribute-value normalisation keeps them). Characters XML 1.0 cannot carry at
     * all (other C0 controls, U+FFFE/U+FFFF) are refused rather than silently dropped.
     */
    XML {
        @Override
        String escape(String value) {
            int first = 0;
            while (first < value.length() && isPlainXml(value.charAt(first))) {
                first++;
            }
            if (first == value.length()) {
                return value;
            }
            StringBuilder out = new StringBuilder(value.length() + 8).append(value, 0, first);
            for (int i = first; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&apos;");
                    case '\t' -> out.append("&#9;");
                    case '\n' -> out.append("&#10;");
                    case '\r' -> out.append("&#13;");
                    default -> {
                        if (c < 0x20 || c == '\uFFFE' || c == '\uFFFF') {
                            throw new IllegalArgumentException(
                                    "value contains a character XML cannot carry");
                        }
                        out.append(c);
                    }
                }
            }
            return out.toString();
        }
    },

    /**
     * Form values and query strings: UTF-8 percent-encoding of everything except RFC 3986
     * unreserved characters. A space becomes {@code %20} in both contexts (never {@code +}): every
     * form decoder accepts {@code %20}, and one rule for both is one rule less to get wrong.
     */
    PERCENT {
        @Override
        String escape(String value) {
            int first = 0;
            while (first < value.length() && isUnreserved(value.charAt(first))) {
                first++;
            }
            if (first == value.length()) {
                return value;
            }
            StringBuilder out = new StringBuilder(value.length() * 3);
            for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (isUnreserved(c)) {
                    out.append((char) c);
                } else {
                    out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
                }
            }
            return out.toString();
        }
    },

    /**
     * A header value: kept as it is, but anything that would split the header or that java.net.http
     * rejects (everything except HTAB, SP, visible ASCII and obs-text U+0080 to U+00FF) is refused,
     * so CR/LF can never reach the wire.
     */
    HEADER {
        @Override
        String escape(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean allowed = c == '\t' || (c >= 0x20 && c < 0x7f) || (c >= 0x80 && c <= 0xff);
                if (!allowed) {
                    throw new IllegalArgumentException("injected value is not allowed in a header");
                }
            }
            return value;
        }
    },

    /** text/plain: the value as it is. */
    NONE {
        @Override
        String escape(String value) {
            return value;
        }
    };

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();

    /** Whether JSON_STRING escapes this character (quote, backslash, controls, DEL, U+2028/9). */
    private static boolean needsJsonEscape(char c) {
        return c < 0x20 || c == '"' || c == '\\' || c == 0x7f || c == '\u2028' || c == '\u2029';
    }

    /** Whether XML keeps this character as it is (neither escaped nor refused). */
    private static boolean isPlainXml(char c) {
        return c >= 0x20
                && c != '&'
                && c != '<'
                && c != '>'
                && c != '"'
                && c != '\''
                && c != '\uFFFE'
                && c != '\uFFFF';
    }

    /**
     * @throws IllegalArgumentException if the value cannot be represented in this context
     */
    abstract String escape(String value);

    static boolean isUnreserved(int c) {
        return UriCharacters.isUnreserved(c);
    }
}
