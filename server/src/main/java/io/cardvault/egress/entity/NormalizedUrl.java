package io.cardvault.egress.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * A destination URL taken apart by our own strict rules, so that what is matched against the
 * allow-list is exactly what the HTTP client will connect to. Anything ambiguous between URL
 * parsers is refused instead of interpreted: userinfo ({@code @}), backslashes, whitespace and
 * control characters, percent-encoded or non-canonical numeric hosts, percent-encoded {@code .},
 * {@code /} or {@code \} in the path, dot segments and empty segments. The fragment is dropped;
 * percent-encoded unreserved characters in the path are decoded and other escapes upper-cased.
 *
 * @param path never empty, starts with "/"
 * @param query raw query, never matched against patterns and never put into messages
 */
public record NormalizedUrl(
        String scheme, HostName host, int port, String path, Optional<String> query) {

    private static final int MAX_LENGTH = 8192;
    private static final String SUB_DELIMS = "!$&'()*+,;=";

    /**
     * @throws IllegalArgumentException with a reason that never contains the query
     */
    public static NormalizedUrl parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("missing or overlong URL");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '\\') {
                throw new IllegalArgumentException(
                        "whitespace, control character or backslash in URL");
            }
        }
        int hash = raw.indexOf('#');
        String url = hash < 0 ? raw : raw.substring(0, hash);
        int schemeEnd = url.indexOf("://");
        if (schemeEnd <= 0) {
            throw new IllegalArgumentException("not an absolute http(s) URL");
        }
        String scheme = scheme(url.substring(0, schemeEnd));
        int authorityStart = schemeEnd + 3;
        int authorityEnd = indexOfAny(url, "/?", authorityStart);
        String authority = url.substring(authorityStart, authorityEnd);
        int queryStart = url.indexOf('?', authorityEnd);
        String rawPath = url.substring(authorityEnd, queryStart < 0 ? url.length() : queryStart);
        Optional<String> query =
                queryStart < 0
                        ? Optional.empty()
                        : Optional.of(query(url.substring(queryStart + 1)));
        if (authority.indexOf('@') >= 0) {
            throw new IllegalArgumentException("userinfo in URL");
        }
        int[] port = new int[1];
        HostName host = hostAndPort(authority, scheme, port);
        return new NormalizedUrl(scheme, host, port[0], path(rawPath), query);
    }

    public boolean https() {
        return scheme.equals("https");
    }

    /** The URI to send the request to: default ports omitted, fragment dropped. */
    public URI toUri() {
        boolean defaultPort = port == defaultPort(scheme);
        String text =
                scheme
                        + "://"
                        + host.name()
                        + (defaultPort ? "" : ":" + port)
                        + path
                        + query.map(q -> "?" + q).orElse("");
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("URL is not a valid URI");
        }
    }

    static String scheme(String raw) {
        String scheme = raw.toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("only http and https URLs are allowed");
        }
        return scheme;
    }

    static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /** Splits host and port; {@code portOut[0]} receives the explicit or default port. */
    static HostName hostAndPort(String authority, String scheme, int[] portOut) {
        int bracketEnd = authority.startsWith("[") ? authority.indexOf(']') : -1;
        int colon = authority.indexOf(':', Math.max(bracketEnd, 0));
        if (authority.startsWith("[") && bracketEnd < 0) {
            throw new IllegalArgumentException("invalid IPv6 literal");
        }
        if (bracketEnd >= 0 && bracketEnd + 1 < authority.length() && colon != bracketEnd + 1) {
            throw new IllegalArgumentException("invalid characters after IPv6 literal");
        }
        String host = colon < 0 ? authority : authority.substring(0, colon);
        portOut[0] = colon < 0 ? defaultPort(scheme) : port(authority.substring(colon + 1));
        return HostName.of(host);
    }

    private static int port(String digits) {
        if (digits.isEmpty()
                || digits.length() > 5
                || !digits.chars().allMatch(Character::isDigit)
                || !digits.chars().allMatch(c -> c < 0x80)) {
            throw new IllegalArgumentException("invalid port");
        }
        int port = Integer.parseInt(digits);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("invalid port");
        }
        return port;
    }

    static String path(String raw) {
        if (raw.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                out.append(percentInPath(raw, i));
                i += 2;
            } else if (UriCharacters.isUnreserved(c)
                    || SUB_DELIMS.indexOf(c) >= 0
                    || c == ':'
                    || c == '/') {
                out.append(c);
            } else {
                throw new IllegalArgumentException("character not allowed in URL path");
            }
        }
        String path = out.toString();
        String[] segments = decodedUtf8(path).split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean emptyInside = segment.isEmpty() && i < segments.length - 1;
            if (isDotSegment(segment) || emptyInside || segment.startsWith(";")) {
                throw new IllegalArgumentException("dot or empty segment in URL path");
            }
        }
        return path;
    }

    /**
     * {@code .} and {@code ..}, also with path parameters ({@code ..;x}, {@code .;}: Tomcat and
     * Spring servers drop the parameter and then resolve the dots) and in compatibility forms
     * (fullwidth or one-dot-leader dots, which some servers normalise with NFKC).
     */
    private static boolean isDotSegment(String segment) {
        int semicolon = segment.indexOf(';');
        String name = semicolon < 0 ? segment : segment.substring(0, semicolon);
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC);
        return folded.equals(".") || folded.equals("..") || name.equals(".") || name.equals("..");
    }

    /**
     * The path with its percent-escapes decoded as strict UTF-8: overlong forms such as {@code
     * %C0%AE} (an old way to smuggle a '.') and any other invalid sequence are refused.
     */
    private static String decodedUtf8(String path) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                bytes.write(hexByte(path, i));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("invalid or overlong UTF-8 escape in URL path");
        }
    }

    private static String percentInPath(String raw, int i) {
        int value = hexByte(raw, i);
        if (value == '.' || value == '/' || value == '\\') {
            throw new IllegalArgumentException("percent-encoded '.', '/' or '\\' in URL path");
        }
        if (value == '%'
                && i + 5 <= raw.length()
                && isHex(raw.charAt(i + 3))
                && isHex(raw.charAt(i + 4))) {
            throw new IllegalArgumentException("double percent-encoding in URL path");
        }
        if (UriCharacters.isUnreserved(value)) {
            return String.valueOf((char) value);
        }
        return raw.substring(i, i + 3).toUpperCase(Locale.ROOT);
    }

    private static String query(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                hexByte(raw, i);
                i += 2;
            } else if (!(UriCharacters.isUnreserved(c)
                    || SUB_DELIMS.indexOf(c) >= 0
                    || ":@/?".indexOf(c) >= 0)) {
                throw new IllegalArgumentException("character not allowed in URL query");
            }
        }
        return raw;
    }

    private static int hexByte(String text, int percentAt) {
        if (percentAt + 3 > text.length()) {
            throw new IllegalArgumentException("truncated percent-encoding in URL");
        }
        int high = Character.digit(text.charAt(percentAt + 1), 16);
        int low = Character.digit(text.charAt(percentAt + 2), 16);
        if (high < 0
                || low < 0
                || text.charAt(percentAt + 1) > 'f'
                || text.charAt(percentAt + 2) > 'f') {
            throw new IllegalArgumentException("invalid percent-encoding in URL");
        }
        return high * 16 + low;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }

    private static int indexOfAny(String text, String chars, int from) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
