package io.cardvault.fields.control;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which page may use a tenant's publishable key from a browser: cardvault's own origin (the hosted
 * fields and payment page, from {@code cardvault.public-url}) or one of the tenant's {@code
 * allowedOrigins} ({@code https://*.shop.example} covers exactly one label). Requests without an
 * {@code Origin} header (servers, curl) are not a browser's and are not judged here.
 */
public final class BrowserOrigins {

    private BrowserOrigins() {}

    public static boolean allowed(
            String originHeader, String publicUrl, List<String> tenantOrigins) {
        Optional<String> origin = canonical(originHeader);
        if (origin.isEmpty()) {
            return false; // "null" (sandboxed frames, file://) or garbage
        }
        String o = origin.get();
        if (canonical(publicUrl).map(o::equals).orElse(false)) {
            return true;
        }
        return tenantOrigins.stream().anyMatch(pattern -> matches(pattern, o));
    }

    static boolean matches(String pattern, String origin) {
        String p = pattern.toLowerCase(Locale.ROOT);
        int star = p.indexOf("://*.");
        if (star < 0) {
            return p.equals(origin);
        }
        String scheme = p.substring(0, star + 3);
        String suffix = p.substring(star + 4); // ".shop.example[:port]"
        if (!origin.startsWith(scheme) || !origin.endsWith(suffix)) {
            return false;
        }
        String label = origin.substring(scheme.length(), origin.length() - suffix.length());
        return !label.isEmpty()
                && label.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-');
    }

    /** scheme://host[:port], lower case, without a default port; empty if not such a URL. */
    static Optional<String> canonical(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1
                            || (scheme.equals("https") && port == 443)
                            || (scheme.equals("http") && port == 80);
            return Optional.of(
                    scheme
                            + "://"
                            + host.toLowerCase(Locale.ROOT)
                            + (defaultPort ? "" : ":" + port));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
