package io.cardvault.tenants.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Input validation of destination patterns. Interim rules until the forwarding package's
 * DestinationPattern parser is wired in: scheme http/https, a host, optional port and path.
 */
public final class DestinationRules {

    private DestinationRules() {}

    /** @return null when acceptable, else a reason without the pattern's secrets (patterns have none) */
    public static String problemWith(String pattern) {
        if (pattern == null || pattern.isBlank() || pattern.length() > 500) {
            return "a destination pattern is scheme://host[:port][/path-prefix[*]]";
        }
        try {
            URI uri = new URI(pattern.replace("*.", "wildcard.").replaceAll("\\*$", ""));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                return "destination patterns must start with https:// (or http:// for an explicitly named test host)";
            }
            if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return "a destination pattern is scheme://host[:port][/path-prefix[*]] without user info, query or fragment";
            }
            return null;
        } catch (URISyntaxException e) {
            return "not a valid destination pattern";
        }
    }
}
