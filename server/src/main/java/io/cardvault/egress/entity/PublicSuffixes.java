package io.cardvault.egress.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The Public Suffix List (publicsuffix.org, MPL 2.0), bundled as data in {@code
 * egress/public_suffix_list.dat} (ICANN and private sections): tells whether a domain is one under
 * which anyone can register names ({@code co.uk}, {@code github.io}), so that a wildcard pattern
 * {@code *.co.uk} — every shop in the UK — is refused. Update the file with the list's releases.
 */
public final class PublicSuffixes {

    private static final String RESOURCE = "/egress/public_suffix_list.dat";
    private static final Set<String> RULES = new HashSet<>();
    private static final Set<String> WILDCARDS = new HashSet<>();
    private static final Set<String> EXCEPTIONS = new HashSet<>();

    static {
        try (InputStream in = PublicSuffixes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                add(line.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PublicSuffixes() {}

    private static void add(String line) {
        if (line.isEmpty() || line.startsWith("//")) {
            return;
        }
        String rule = line.split("\\s", 2)[0];
        if (rule.startsWith("!")) {
            ascii(rule.substring(1)).ifPresent(EXCEPTIONS::add);
        } else if (rule.startsWith("*.")) {
            ascii(rule.substring(2)).ifPresent(WILDCARDS::add);
        } else {
            ascii(rule).ifPresent(RULES::add);
        }
    }

    private static java.util.Optional<String> ascii(String domain) {
        try {
            return java.util.Optional.of(IDN.toASCII(domain).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Whether {@code *.<domain>} (one label) would match public suffixes: the domain is one, or the
     * list has {@code *.<domain>} (e.g. {@code *.kawasaki.jp}).
     */
    public static boolean wildcardCoversPublicSuffix(String domain) {
        return isPublicSuffix(domain) || WILDCARDS.contains(domain);
    }

    /**
     * @param domain ASCII (punycode) lower-case domain without a trailing dot
     * @return whether the domain itself is a public suffix (every single label is one)
     */
    public static boolean isPublicSuffix(String domain) {
        if (domain.indexOf('.') < 0 || RULES.contains(domain)) {
            return true;
        }
        if (EXCEPTIONS.contains(domain)) {
            return false;
        }
        String parent = domain.substring(domain.indexOf('.') + 1);
        return WILDCARDS.contains(parent);
    }
}
