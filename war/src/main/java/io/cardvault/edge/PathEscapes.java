package io.cardvault.edge;

/**
 * Percent signs in a request path that do not start an escape ({@code %} followed by two hex
 * digits). Grizzly's URI decoder throws on them ({@code %ZZ}, a trailing {@code %}) inside Payara's
 * {@code CoyoteAdapter}, which then logs a stack trace and sends an empty {@code 200}. Works on the
 * raw path as ISO-8859-1 text, so every other byte is kept as it came.
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

    private static boolean escapeAt(CharSequence path, int percent) {
        return percent + 2 < path.length()
                && hex(path.charAt(percent + 1))
                && hex(path.charAt(percent + 2));
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
