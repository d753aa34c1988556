package io.cardvault.tenants.control;

import io.cardvault.platform.entity.FieldError;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Validates and normalises what an operator puts into a tenant. Origins become the exact strings a
 * browser sends ({@code scheme://host[:port]}, lower case, no default port) because they end up in
 * a {@code Content-Security-Policy: frame-ancestors} header, where anything else would be
 * injection.
 */
public final class TenantSettings {

    private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    static final int MAX_ENTRIES = 50;

    private TenantSettings() {}

    public static String name(Object raw, List<FieldError> errors) {
        if (!(raw instanceof String s) || s.isBlank()) {
            errors.add(new FieldError("name", "required", "name is required"));
            return null;
        }
        String trimmed = s.strip();
        if (trimmed.length() > 200 || trimmed.chars().anyMatch(Character::isISOControl)) {
            errors.add(
                    new FieldError(
                            "name", "invalid", "name must be at most 200 printable characters"));
            return null;
        }
        return trimmed;
    }

    public static List<String> origins(List<String> raw, List<FieldError> errors) {
        return each("allowedOrigins", raw, errors, TenantSettings::origin);
    }

    /**
     * @param destinationCheck returns null when the pattern is fine, else the reason
     */
    public static List<String> destinations(
            List<String> raw, List<FieldError> errors, Function<String, String> destinationCheck) {
        return each(
                "allowedDestinations",
                raw,
                errors,
                p -> {
                    String problem = destinationCheck.apply(p);
                    if (problem != null) {
                        throw new IllegalArgumentException(problem);
                    }
                    return p;
                });
    }

    /**
     * Web-font stylesheet URLs ({@code https://fonts.example/css2?family=Inter}) the hosted fields
     * may load; at most {@value #MAX_FONT_STYLESHEETS}. They end up in the field page's CSP, so
     * anything that could break out of a source expression is refused.
     */
    public static List<String> fontStylesheets(List<String> raw, List<FieldError> errors) {
        if (raw.size() > MAX_FONT_STYLESHEETS) {
            errors.add(
                    new FieldError(
                            "fontStylesheets",
                            "too-many",
                            "at most " + MAX_FONT_STYLESHEETS + " entries"));
            return List.of();
        }
        return each("fontStylesheets", raw, errors, TenantSettings::fontStylesheet);
    }

    static final int MAX_FONT_STYLESHEETS = 10;

    /**
     * {@code https://host[:port]/path[?query]}: no user info, no fragment, no spaces, quotes,
     * {@code ; , < > \}; scheme and host lower case, default port dropped, path and query kept as
     * given. Plain http only for localhost / 127.0.0.1 / [::1] (local development and tests).
     */
    static String fontStylesheet(String raw) {
        if (raw == null
                || raw.length() > 500
                || raw.chars()
                        .anyMatch(c -> c <= ' ' || c >= 0x7f || "'\";,<>\\`{}|^".indexOf(c) >= 0)) {
            throw new IllegalArgumentException(
                    "a font stylesheet is an https URL of at most 500 characters without spaces,"
                            + " quotes, ';', ',', '<', '>' or '\\'");
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL");
        }
        if (uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "a font stylesheet URL has no user info or fragment");
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("a font stylesheet URL needs a scheme and a host");
        }
        String path =
                uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String origin;
        try {
            origin = origin(uri.getScheme() + "://" + uri.getRawAuthority());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "a font stylesheet needs https:// and a host (http:// only for localhost): "
                            + e.getMessage());
        }
        if (origin.contains("*")) {
            throw new IllegalArgumentException("a font stylesheet URL has no wildcard");
        }
        return origin + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static List<String> each(
            String field,
            List<String> raw,
            List<FieldError> errors,
            Function<String, String> normaliser) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (raw.size() > MAX_ENTRIES) {
            errors.add(new FieldError(field, "too-many", "at most " + MAX_ENTRIES + " entries"));
            return List.of();
        }
        for (int i = 0; i < raw.size(); i++) {
            try {
                out.add(normaliser.apply(raw.get(i)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field + "[" + i + "]", "invalid", e.getMessage()));
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * {@code https://shop.example}, {@code https://*.shop.example:8443}, {@code
     * http://localhost:3000}.
     */
    static String origin(String raw) {
        if (raw == null
                || raw.length() > 300
                || raw.chars()
                        .anyMatch(c -> c <= ' ' || c == ';' || c == ',' || c == '\'' || c == '"')) {
            throw new IllegalArgumentException(
                    "an origin is scheme://host[:port] without spaces, quotes, ';' or ','");
        }
        URI uri;
        try {
            uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid origin");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException(
                    "an origin must start with https:// (or http:// for local development)");
        }
        if (uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())) {
            throw new IllegalArgumentException(
                    "an origin has no user info, path, query or fragment");
        }
        String authority = uri.getRawAuthority();
        if (authority == null) {
            throw new IllegalArgumentException("an origin needs a host");
        }
        int port = -1;
        String host = authority;
        int colon = authority.lastIndexOf(':');
        if (colon > 0 && !authority.endsWith("]")) {
            host = authority.substring(0, colon);
            try {
                port = Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid port");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("invalid port");
            }
        }
        host = normaliseHost(host);
        if (scheme.equals("http") && !isLoopbackName(host)) {
            throw new IllegalArgumentException(
                    "plain http origins are only accepted for localhost / 127.0.0.1 / [::1]");
        }
        boolean defaultPort =
                port == -1
                        || (scheme.equals("https") && port == 443)
                        || (scheme.equals("http") && port == 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    static String normaliseHost(String host) {
        if (host.startsWith("[") && host.endsWith("]")) {
            if (!host.equals("[::1]")) {
                throw new IllegalArgumentException(
                        "IPv6 origins other than [::1] are not supported");
            }
            return host;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        boolean wildcard = lower.startsWith("*.");
        String rest = wildcard ? lower.substring(2) : lower;
        try {
            rest = IDN.toASCII(rest, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid host name");
        }
        if (rest.isEmpty() || rest.length() > 253) {
            throw new IllegalArgumentException("invalid host name");
        }
        for (String label : rest.split("\\.", -1)) {
            if (!HOST_LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("invalid host name");
            }
        }
        if (wildcard && rest.indexOf('.') < 0) {
            throw new IllegalArgumentException(
                    "a wildcard origin needs at least two labels after '*.'");
        }
        return wildcard ? "*." + rest : rest;
    }

    static boolean isLoopbackName(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }
}
