package io.cardvault.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides, per request, whether it came over HTTPS and what to do if it did not (docs/api.md,
 * "HTTPS").
 *
 * <ul>
 *   <li>A request is secure when it arrived over TLS, or when it came from a trusted proxy ({@code
 *       cardvault.trusted-proxies}: addresses or CIDR ranges) that sent {@code X-Forwarded-Proto:
 *       https}. Secure responses carry {@code Strict-Transport-Security}.
 *   <li>Outside demo mode an insecure request is refused ({@code 403 https-required}) unless it
 *       came straight from a loopback address; a trusted proxy that says {@code X-Forwarded-Proto:
 *       http} is refused even on loopback. Page requests ({@code GET}/{@code HEAD} outside {@code
 *       /api/}) are redirected to HTTPS instead when an HTTPS address is known: {@code
 *       cardvault.public-url} if it is https, else the {@code --sslport}.
 * </ul>
 *
 * <p>{@code X-Forwarded-Proto} from any other sender is ignored: it is the client's word.
 */
@ApplicationScoped
public class TransportPolicy {

    public static final String HSTS = "max-age=31536000";

    /** What to do with one request. */
    public sealed interface Decision {}

    /** Serve it; {@code secure} says whether to send {@code Strict-Transport-Security}. */
    public record Serve(boolean secure) implements Decision {}

    /** 403 https-required. */
    public record Refuse() implements Decision {}

    /** 308 to {@code location}. */
    public record Redirect(String location) implements Decision {}

    /** The parts of a request the decision depends on (a test builds them by hand). */
    public record Request(
            boolean overTls,
            String remoteAddress,
            String forwardedProto,
            String method,
            String path,
            String query,
            String serverName) {}

    @Inject DemoMode demoMode;

    @Inject
    @ConfigProperty(name = "cardvault.trusted-proxies")
    Optional<String> trustedProxiesSetting;

    @Inject
    @ConfigProperty(name = "cardvault.https-port")
    Optional<String> httpsPortSetting;

    @Inject
    @ConfigProperty(name = "cardvault.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    private volatile Rules rules;

    /** The settings, parsed once; a bad {@code cardvault.trusted-proxies} fails loudly. */
    record Rules(boolean demo, List<Cidr> trusted, Optional<Integer> httpsPort, String publicUrl) {}

    Rules rules() {
        Rules r = rules;
        if (r == null) {
            r =
                    new Rules(
                            demoMode.enabled(),
                            parseProxies(trustedProxiesSetting.orElse("")),
                            httpsPortSetting
                                    .map(String::strip)
                                    .filter(s -> s.matches("[0-9]{1,5}"))
                                    .map(Integer::valueOf),
                            publicUrl);
            rules = r;
        }
        return r;
    }

    /** Parses the settings at deployment, so a bad {@code cardvault.trusted-proxies} fails it. */
    void checkSettings(
            @jakarta.enterprise.event.Observes
                    @jakarta.enterprise.context.Initialized(ApplicationScoped.class)
                    Object applicationStarted) {
        rules();
    }

    public Decision decide(Request req) {
        return decide(rules(), req);
    }

    static Decision decide(Rules rules, Request req) {
        Optional<InetAddress> remote = literal(req.remoteAddress());
        boolean fromTrustedProxy =
                remote.isPresent()
                        && rules.trusted().stream().anyMatch(c -> c.contains(remote.get()));
        boolean secure;
        boolean acceptableInsecure;
        if (fromTrustedProxy && req.forwardedProto() != null && !req.forwardedProto().isBlank()) {
            secure = "https".equals(firstToken(req.forwardedProto()));
            acceptableInsecure = false;
        } else {
            secure = req.overTls();
            acceptableInsecure = remote.map(InetAddress::isLoopbackAddress).orElse(false);
        }
        if (secure || acceptableInsecure || rules.demo()) {
            return new Serve(secure);
        }
        boolean page =
                ("GET".equals(req.method()) || "HEAD".equals(req.method()))
                        && !req.path().startsWith("/api/");
        if (page) {
            Optional<String> base = httpsBase(rules, req.serverName());
            if (base.isPresent()) {
                String query = req.query() == null ? "" : "?" + req.query();
                return new Redirect(base.get() + req.path() + query);
            }
        }
        return new Refuse();
    }

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9.-]{1,253}");

    private static Optional<String> httpsBase(Rules rules, String serverName) {
        String pub = rules.publicUrl().strip();
        if (pub.toLowerCase(Locale.ROOT).startsWith("https://")) {
            URI u = URI.create(pub);
            return Optional.of(
                    "https://" + u.getRawAuthority() + stripTrailingSlash(u.getRawPath()));
        }
        if (rules.httpsPort().isPresent()
                && serverName != null
                && HOST_NAME.matcher(serverName).matches()) {
            int port = rules.httpsPort().get();
            return Optional.of("https://" + serverName + (port == 443 ? "" : ":" + port));
        }
        return Optional.empty();
    }

    private static String stripTrailingSlash(String path) {
        if (path == null) {
            return "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String firstToken(String header) {
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).strip().toLowerCase(Locale.ROOT);
    }

    /** An IP literal only: never a DNS lookup. */
    static Optional<InetAddress> literal(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        boolean v4 = a.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        boolean v6 = a.contains(":") && a.matches("[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?");
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(a));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    static List<Cidr> parseProxies(String setting) {
        List<Cidr> list = new ArrayList<>();
        for (String part : setting.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            list.add(Cidr.parse(p));
        }
        return List.copyOf(list);
    }

    /** An address range such as {@code 10.0.0.0/8}, or one address. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String addr = slash < 0 ? text : text.substring(0, slash);
            InetAddress a =
                    literal(addr)
                            .orElseThrow(
                                    () ->
                                            new IllegalStateException(
                                                    "cardvault.trusted-proxies must list IP addresses or CIDR ranges (e.g. 10.0.0.5, 10.1.0.0/16), separated by commas"));
            int max = a.getAddress().length * 8;
            int prefix = max;
            if (slash >= 0) {
                String bits = text.substring(slash + 1);
                if (!bits.matches("[0-9]{1,3}") || Integer.parseInt(bits) > max) {
                    throw new IllegalStateException(
                            "cardvault.trusted-proxies: the prefix length must be 0.." + max);
                }
                prefix = Integer.parseInt(bits);
            }
            return new Cidr(a.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] b = address.getAddress();
            if (b.length != network.length) {
                return false;
            }
            if (prefix == 0) {
                return true;
            }
            int shift = b.length * 8 - prefix;
            return new BigInteger(1, b)
                    .shiftRight(shift)
                    .equals(new BigInteger(1, network).shiftRight(shift));
        }
    }
}
