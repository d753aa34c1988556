package io.cardvault.checkout.control;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Whether a URL is on one of a tenant's allowed origins ({@code https://shop.example}, or {@code
 * https://*.shop.example} for exactly one more label), comparing origins as a browser forms them.
 */
final class OriginRules {

    private OriginRules() {}

    /** {@code scheme://host[:port]}, lower case, default ports dropped. */
    static String originOf(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1
                        || (scheme.equals("https") && port == 443)
                        || (scheme.equals("http") && port == 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    static boolean allowed(String origin, List<String> allowedOrigins) {
        for (String allowed : allowedOrigins) {
            if (allowed.equals(origin) || wildcardMatches(allowed, origin)) {
                return true;
            }
        }
        return false;
    }

    private static boolean wildcardMatches(String pattern, String origin) {
        int star = pattern.indexOf("://*.");
        if (star < 0) {
            return false;
        }
        String scheme = pattern.substring(0, star + 3);
        String suffix = pattern.substring(star + 4); // ".shop.example[:port]"
        if (!origin.startsWith(scheme) || !origin.endsWith(suffix)) {
            return false;
        }
        String label = origin.substring(scheme.length(), origin.length() - suffix.length());
        return !label.isEmpty() && label.indexOf('.') < 0 && label.indexOf(':') < 0;
    }
}
