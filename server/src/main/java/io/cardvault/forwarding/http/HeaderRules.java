package io.cardvault.forwarding.http;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which headers cross the proxy. Towards the destination: everything the merchant sent except
 * cardvault's own control headers ({@code x-api-key}, {@code x-forward-url}, {@code x-token-id},
 * {@code idempotency-key}), connection-level headers (hop-by-hop per RFC 9110 section 7.6.1, those
 * named in {@code Connection}, {@code host}, {@code content-length}, {@code expect}: the HTTP
 * client sets them, and java.net.http refuses to let us) and the overwrite pairs, which are then
 * applied. Back to the merchant: everything except hop-by-hop headers, {@code content-length} and
 * {@code x-cardvault-*} (a destination must not be able to fake a proxy error).
 *
 * <p>Header names in the returned maps are compared case-insensitively.
 */
@ApplicationScoped
public class HeaderRules {

    private static final Set<String> HOP_BY_HOP =
            Set.of(
                    "connection",
                    "keep-alive",
                    "proxy-authenticate",
                    "proxy-authorization",
                    "proxy-connection",
                    "te",
                    "trailer",
                    "transfer-encoding",
                    "upgrade");
    private static final Set<String> NOT_FORWARDED =
            Set.of(
                    "x-api-key",
                    "x-admin-key",
                    "x-forward-url",
                    "x-token-id",
                    "idempotency-key",
                    "host",
                    "content-length",
                    "expect");
    private static final Set<String> NOT_OVERWRITABLE = Set.of("host", "content-length", "expect");
    private static final Pattern OVERWRITE = Pattern.compile("x-(.+)-(name|value)");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public HeaderRules() {}

    /**
     * @throws HeaderOverwriteException for a half pair or an invalid/reserved overwrite name
     */
    public Map<String, List<String>> toDestination(Map<String, List<String>> merchantHeaders) {
        Map<String, List<String>> incoming = merged(merchantHeaders);
        Set<String> dropped = connectionListed(incoming);
        Map<String, List<String>> names = new TreeMap<>();
        Map<String, List<String>> values = new TreeMap<>();
        Map<String, List<String>> out = caseInsensitiveMap();
        Map<String, String> originals = new TreeMap<>();
        incoming.forEach(
                (name, headerValues) -> {
                    String lower = name.toLowerCase(Locale.ROOT);
                    Matcher overwrite = OVERWRITE.matcher(lower);
                    if (overwrite.matches()) {
                        (overwrite.group(2).equals("name") ? names : values)
                                .put(overwrite.group(1), headerValues);
                        originals.put(lower, name);
                    } else if (!isConnectionLevel(lower, dropped)
                            && !NOT_FORWARDED.contains(lower)
                            && TOKEN.matcher(name).matches()) {
                        out.put(name, headerValues);
                    }
                });
        forwardLoneHalves(names, values, originals, out);
        applyOverwrites(names, values, out);
        return out;
    }

    /** The destination's response headers as relayed to the merchant. */
    public Map<String, List<String>> toMerchant(Map<String, List<String>> destinationHeaders) {
        Map<String, List<String>> incoming = merged(destinationHeaders);
        Set<String> dropped = connectionListed(incoming);
        Map<String, List<String>> out = caseInsensitiveMap();
        incoming.forEach(
                (name, headerValues) -> {
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (!isConnectionLevel(lower, dropped)
                            && !lower.equals("content-length")
                            && !lower.startsWith("x-cardvault-")
                            && !lower.startsWith(":")) {
                        out.put(name, headerValues);
                    }
                });
        return out;
    }

    /**
     * Only a complete {@code x-<own>-name} + {@code x-<own>-value} pair is an overwrite; a lone
     * half (e.g. a PSP's own {@code x-customer-name}) is an ordinary header and is forwarded.
     */
    private static void forwardLoneHalves(
            Map<String, List<String>> names,
            Map<String, List<String>> values,
            Map<String, String> originals,
            Map<String, List<String>> out) {
        for (String own : List.copyOf(names.keySet())) {
            if (!values.containsKey(own)) {
                out.put(originals.get("x-" + own + "-name"), names.remove(own));
            }
        }
        for (String own : List.copyOf(values.keySet())) {
            if (!names.containsKey(own)) {
                out.put(originals.get("x-" + own + "-value"), values.remove(own));
            }
        }
    }

    private static void applyOverwrites(
            Map<String, List<String>> names,
            Map<String, List<String>> values,
            Map<String, List<String>> out) {
        Set<String> targets = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String own : names.keySet()) {
            if (!values.containsKey(own)) {
                throw new HeaderOverwriteException(
                        "x-" + own + "-name has no matching x-" + own + "-value");
            }
            String target = single(names.get(own), "x-" + own + "-name").trim();
            String lower = target.toLowerCase(Locale.ROOT);
            if (!TOKEN.matcher(target).matches()) {
                throw new HeaderOverwriteException("x-" + own + "-name is not a valid header name");
            }
            if (HOP_BY_HOP.contains(lower) || NOT_OVERWRITABLE.contains(lower)) {
                throw new HeaderOverwriteException(
                        "x-" + own + "-name names a header that cannot be set");
            }
            if (!targets.add(target)) {
                throw new HeaderOverwriteException("two overwrites name the same header");
            }
            out.remove(target);
            out.put(target, List.of(single(values.get(own), "x-" + own + "-value")));
        }
        for (String own : values.keySet()) {
            if (!names.containsKey(own)) {
                throw new HeaderOverwriteException(
                        "x-" + own + "-value has no matching x-" + own + "-name");
            }
        }
    }

    private static String single(List<String> headerValues, String headerName) {
        if (headerValues.size() != 1) {
            throw new HeaderOverwriteException(headerName + " must appear exactly once");
        }
        return headerValues.get(0);
    }

    private static boolean isConnectionLevel(String lowerName, Set<String> connectionListed) {
        return HOP_BY_HOP.contains(lowerName) || connectionListed.contains(lowerName);
    }

    /** Header names listed in {@code Connection} are hop-by-hop too (RFC 9110 section 7.6.1). */
    private static Set<String> connectionListed(Map<String, List<String>> headers) {
        Set<String> listed = new TreeSet<>();
        for (String value : headers.getOrDefault("connection", List.of())) {
            for (String token : value.split(",")) {
                listed.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        return listed;
    }

    /** Same name in different case (as some containers deliver) becomes one entry. */
    private static Map<String, List<String>> merged(Map<String, List<String>> headers) {
        Map<String, List<String>> merged = caseInsensitiveMap();
        if (headers == null) {
            return merged;
        }
        headers.forEach(
                (name, values) -> {
                    if (name != null) {
                        merged.computeIfAbsent(name, n -> new ArrayList<>())
                                .addAll(values == null ? List.of() : values);
                    }
                });
        return merged;
    }

    private static Map<String, List<String>> caseInsensitiveMap() {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }
}
