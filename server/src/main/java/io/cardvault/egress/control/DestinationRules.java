package io.cardvault.egress.control;

import io.cardvault.egress.entity.DestinationPattern;

/**
 * Input validation of destination patterns with the same parser the forwarding proxy matches with.
 */
public final class DestinationRules {

    private DestinationRules() {}

    /**
     * @return null when acceptable, else the reason
     */
    public static String problemWith(String pattern) {
        if (pattern == null || pattern.isBlank() || pattern.length() > 500) {
            return "a destination pattern is scheme://host[:port][/path-prefix[*]]";
        }
        try {
            DestinationPattern.parse(pattern);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
