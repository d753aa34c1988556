package io.cardvault.egress.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a tenant's {@code allowedDestinations}: scheme, host (optionally {@code *.} for
 * exactly one leftmost label), optional port (absent means the scheme's default port), optional
 * path. A path ending in {@code *} is a prefix; any other path must match exactly; no path allows
 * every path. Patterns are normalised with the same rules as URLs ({@link NormalizedUrl}), so a
 * match never depends on spelling.
 */
public final class DestinationPattern {

    private final String scheme;
    private final boolean wildcard;
    private final HostName host;
    private final int port;
    private final Optional<String> path;
    private final boolean prefix;

    private DestinationPattern(
            String scheme,
            boolean wildcard,
            HostName host,
            int port,
            Optional<String> path,
            boolean prefix) {
        this.scheme = scheme;
        this.wildcard = wildcard;
        this.host = host;
        this.port = port;
        this.path = path;
        this.prefix = prefix;
    }

    /** Parses stored patterns; one that does not parse allows nothing (fail closed). */
    public static List<DestinationPattern> parseValid(List<String> patterns) {
        List<DestinationPattern> parsed = new ArrayList<>();
        for (String text : patterns == null ? List.<String>of() : patterns) {
            try {
                parsed.add(parse(text));
            } catch (IllegalArgumentException e) {
                // an invalid stored pattern allows nothing
            }
        }
        return List.copyOf(parsed);
    }

    /**
     * Validates tenant input.
     *
     * @throws IllegalArgumentException naming what is wrong with the pattern
     */
    public static DestinationPattern parse(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            throw new IllegalArgumentException("destination pattern is empty");
        }
        if (pattern.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || "\\@?#%".indexOf(c) >= 0)) {
            throw new IllegalArgumentException(
                    "destination pattern must not contain whitespace, '\\', '@', '?', '#' or '%'");
        }
        int schemeEnd = pattern.indexOf("://");
        if (schemeEnd <= 0) {
            throw new IllegalArgumentException(
                    "destination pattern must start with https:// or http://");
        }
        String scheme = NormalizedUrl.scheme(pattern.substring(0, schemeEnd));
        int authorityStart = schemeEnd + 3;
        int slash = pattern.indexOf('/', authorityStart);
        String authority = pattern.substring(authorityStart, slash < 0 ? pattern.length() : slash);
        boolean wildcard = authority.startsWith("*.");
        int[] port = new int[1];
        HostName host =
                NormalizedUrl.hostAndPort(
                        wildcard ? authority.substring(2) : authority, scheme, port);
        if (wildcard && (host.isIpLiteral() || host.name().indexOf('.') < 0)) {
            throw new IllegalArgumentException(
                    "a wildcard pattern needs a domain of at least two labels after '*.'");
        }
        if (wildcard && PublicSuffixes.wildcardCoversPublicSuffix(host.name())) {
            throw new IllegalArgumentException(
                    "a wildcard pattern must not cover a public suffix (such as *.co.uk)");
        }
        if (slash < 0) {
            return new DestinationPattern(scheme, wildcard, host, port[0], Optional.empty(), false);
        }
        String rawPath = pattern.substring(slash);
        boolean prefix = rawPath.endsWith("*");
        String path = prefix ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        if (path.indexOf('*') >= 0) {
            throw new IllegalArgumentException("'*' is only allowed at the end of the path");
        }
        String normalised = NormalizedUrl.path(path);
        if (!normalised.equals(path)) {
            throw new IllegalArgumentException("destination pattern path is not in normal form");
        }
        return new DestinationPattern(scheme, wildcard, host, port[0], Optional.of(path), prefix);
    }

    public boolean matches(NormalizedUrl url) {
        return scheme.equals(url.scheme())
                && port == url.port()
                && hostMatches(url.host())
                && path.map(p -> prefix ? url.path().startsWith(p) : url.path().equals(p))
                        .orElse(true);
    }

    /** The pattern names this IP literal: the tenant's explicit opt-in to a special address. */
    public boolean isLiteral(HostName urlHost) {
        return !wildcard && host.isIpLiteral() && host.name().equals(urlHost.name());
    }

    private boolean hostMatches(HostName urlHost) {
        if (!wildcard) {
            return host.name().equals(urlHost.name());
        }
        String name = urlHost.name();
        String suffix = "." + host.name();
        return !urlHost.isIpLiteral()
                && name.endsWith(suffix)
                && name.length() > suffix.length()
                && name.lastIndexOf('.', name.length() - suffix.length() - 1) < 0;
    }
}
