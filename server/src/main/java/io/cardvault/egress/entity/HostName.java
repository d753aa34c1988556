package io.cardvault.egress.entity;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A host in the one canonical form used for both allow-list patterns and destination URLs, so that
 * matching never compares two spellings of the same thing: ASCII (IDN converted to punycode), lower
 * case, no trailing dot, IPv4 only as canonical dotted quad, IPv6 in brackets.
 *
 * <p>Numeric forms that resolvers read as IPv4 ({@code 2130706433}, {@code 0177.0.0.1}, {@code
 * 0x7f.1}, {@code 127.1}, any name whose last label is numeric) are refused: they exist mainly to
 * slip past string comparisons.
 *
 * @param name canonical text; for IPv6 including the brackets
 * @param literal the address when the host is an IP literal (no DNS involved)
 */
public record HostName(String name, Optional<InetAddress> literal) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern NUMERIC_LABEL = Pattern.compile("0x[0-9a-f]*|[0-9]+");
    private static final Pattern DOTTED_QUAD =
            Pattern.compile(
                    "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
                            + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

    /**
     * @throws IllegalArgumentException with a reason fit for the tenant or the merchant
     */
    static HostName of(String raw) {
        if (raw.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        if (raw.startsWith("[")) {
            return ipv6(raw);
        }
        if (raw.indexOf('%') >= 0) {
            throw new IllegalArgumentException("percent-encoded characters in host");
        }
        boolean ascii = raw.chars().allMatch(c -> c < 0x80);
        String name = (ascii ? raw : toAscii(raw)).toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.length() > 253) {
            throw new IllegalArgumentException("host name has an invalid length");
        }
        String lastLabel = name.substring(name.lastIndexOf('.') + 1);
        if (NUMERIC_LABEL.matcher(lastLabel).matches()) {
            return ipv4(name, ascii);
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("host name has an invalid label");
            }
        }
        return new HostName(name, Optional.empty());
    }

    public boolean isIpLiteral() {
        return literal.isPresent();
    }

    private static String toAscii(String raw) {
        try {
            return IDN.toASCII(raw, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("host is not a valid internationalised domain name");
        }
    }

    private static HostName ipv4(String name, boolean writtenInAscii) {
        if (!writtenInAscii || !DOTTED_QUAD.matcher(name).matches()) {
            throw new IllegalArgumentException("IPv4 address not in canonical dotted-quad form");
        }
        String[] octets = name.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(octets[i]);
        }
        return new HostName(name, Optional.of(byAddress(bytes)));
    }

    private static HostName ipv6(String raw) {
        String inner = raw.endsWith("]") ? raw.substring(1, raw.length() - 1) : "";
        if (!IPV6_CHARS.matcher(inner).matches() || inner.indexOf(':') < 0) {
            throw new IllegalArgumentException("invalid IPv6 literal");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName("[" + inner + "]"); // a literal: no DNS lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("invalid IPv6 literal");
        }
        String canonical =
                address.getAddress().length == 4
                        ? "::ffff:" + address.getHostAddress() // Java unwraps IPv4-mapped; keep it
                        // distinct
                        : address.getHostAddress();
        return new HostName("[" + canonical + "]", Optional.of(address));
    }

    private static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an address", e);
        }
    }
}
