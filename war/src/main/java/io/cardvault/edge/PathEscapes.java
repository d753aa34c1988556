package io.cardvault.edge;

/**
 * Request paths the container cannot decode. Percent signs that do not start an escape ({@code %}
 * followed by two hex digits): Grizzly's URI decoder throws on them ({@code %ZZ}, a trailing {@code
 * %}) inside Payara's {@code CoyoteAdapter}, which then logs a stack trace and sends an empty
 * {@code 200}. Escapes that decode to no valid path (bytes that are not UTF-8 such as {@code
 * %C3%28}, {@code %FF} or the overlong {@code %C0%AE}, a NUL, a backslash, dot segments above the
 * root): the container answers an empty {@code 400 Invalid URI}. Works on the raw path as
 * ISO-8859-1 text, so every other byte is kept as it came.
 */
final class PathEscapes {

    private PathEscapes() {}

    static boolean hasStrayPercent(CharSequence path) {
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '%' && !escapeAt(path, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The same path with every stray {@code %} written as {@code %25}; escapes stay as they are.
     */
    static String escapeStrayPercents(CharSequence path) {
        StringBuilder out = new StringBuilder(path.length() + 8);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            out.append(c);
            if (c == '%' && !escapeAt(path, i)) {
                out.append("25");
            }
        }
        return out.toString();
    }

    /**
     * Whether the path's escapes decode to something the container refuses: bytes that are not
     * UTF-8, a NUL or a backslash, or a {@code ..} segment above the root. A path with no escape is
     * left to the container as it is.
     */
    static boolean undecodable(CharSequence path) {
        byte[] bytes = new byte[path.length()];
        int n = 0;
        boolean escaped = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && escapeAt(path, i)) {
                bytes[n++] = (byte) Integer.parseInt(path.subSequence(i + 1, i + 3).toString(), 16);
                escaped = true;
                i += 2;
            } else {
                bytes[n++] = (byte) c;
            }
        }
        if (!escaped) {
            return false;
        }
        String decoded;
        try {
            decoded =
                    java.nio.charset.StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                            .decode(java.nio.ByteBuffer.wrap(bytes, 0, n))
                            .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return true;
        }
        return decoded.indexOf('\0') >= 0 || decoded.indexOf('\\') >= 0 || climbsAboveRoot(decoded);
    }

    /** Every escape written as a literal: {@code %} becomes {@code %25} throughout. */
    static String escapeAllPercents(CharSequence path) {
        return path.toString().replace("%", "%25");
    }

    private static boolean climbsAboveRoot(String decoded) {
        int depth = 0;
        for (String segment : decoded.split("/", -1)) {
            if (segment.equals("..")) {
                if (--depth < 0) {
                    return true;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    private static boolean escapeAt(CharSequence path, int percent) {
        return percent + 2 < path.length()
                && hex(path.charAt(percent + 1))
                && hex(path.charAt(percent + 2));
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
