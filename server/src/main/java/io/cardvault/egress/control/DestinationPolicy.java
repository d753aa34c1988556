package io.cardvault.egress.control;

import io.cardvault.egress.entity.Destination;
import io.cardvault.egress.entity.DestinationNotAllowedException;
import io.cardvault.egress.entity.DestinationPattern;
import io.cardvault.egress.entity.DestinationUnresolvableException;
import io.cardvault.egress.entity.HostName;
import io.cardvault.egress.entity.NormalizedUrl;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a merchant may forward card data to a URL: the normalised URL must match one of
 * the tenant's {@link DestinationPattern}s, and every address its host resolves to must be public
 * ({@link AddressClassifier}) unless the matching pattern names that IP literal itself (how a
 * tenant opts in to e.g. {@code http://127.0.0.1:9999/*} for local tests).
 *
 * <p><b>Connecting to the checked address.</b> On JDK 17, {@code java.net.http.HttpClient} cannot
 * be told which address to connect to for a host name, so the check and the connect resolve
 * separately and a DNS answer could change in between (DNS rebinding). The caller should:
 *
 * <ul>
 *   <li>for {@code http}: connect to {@link Destination#address()} as an IP literal and send the
 *       original {@code Host} header, so there is no second lookup (java.net.http only lets a
 *       caller set {@code Host} with {@code -Djdk.httpclient.allowRestrictedHeaders=host});
 *   <li>for {@code https}: connect by host name (TLS needs it for SNI and certificate checks) and
 *       rely on the JVM's positive DNS cache ({@code networkaddress.cache.ttl}, set to a few
 *       seconds or more in the security properties) to return the answer checked here for the
 *       immediate connect. A resolver that bypasses that cache, or a cache expiring between check
 *       and connect, is a documented residual rebinding risk; TLS still requires the attacker to
 *       hold a certificate for the allowed name.
 * </ul>
 *
 * Patterns that fail to parse are ignored (fail closed); tenants are validated on input with {@link
 * DestinationPattern#parse(String)}.
 */
@ApplicationScoped
public class DestinationPolicy {

    /** Resolves a host name; injected so that tests never touch DNS. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final Resolver resolver;

    /** Uses the JVM resolver (and therefore its DNS cache). */
    public DestinationPolicy() {
        this(host -> List.of(InetAddress.getAllByName(host)));
    }

    public DestinationPolicy(Resolver resolver) {
        this.resolver = resolver;
    }

    /**
     * @throws DestinationNotAllowedException 403: refused URL, no matching pattern, special address
     * @throws DestinationUnresolvableException 502: the host does not resolve
     */
    public Destination check(String rawUrl, List<String> tenantPatterns) {
        return checkAgainst(rawUrl, DestinationPattern.parseValid(tenantPatterns));
    }

    /** As {@link #check(String, List)}, with patterns parsed once when the tenant was saved. */
    public Destination checkAgainst(String rawUrl, List<DestinationPattern> tenantPatterns) {
        NormalizedUrl url;
        try {
            url = NormalizedUrl.parse(rawUrl);
        } catch (IllegalArgumentException e) {
            throw new DestinationNotAllowedException("destination refused: " + e.getMessage());
        }
        List<DestinationPattern> matching = matching(url, tenantPatterns);
        if (matching.isEmpty()) {
            throw new DestinationNotAllowedException(
                    "destination does not match any allowed destination of the tenant");
        }
        InetAddress address = checkedAddress(url, matching);
        return new Destination(url.toUri(), url.host().name(), url.port(), address, url.https());
    }

    private static List<DestinationPattern> matching(
            NormalizedUrl url, List<DestinationPattern> patterns) {
        List<DestinationPattern> matching = new ArrayList<>();
        for (DestinationPattern pattern : patterns) {
            if (pattern.matches(url)) {
                matching.add(pattern);
            }
        }
        return matching;
    }

    private InetAddress checkedAddress(NormalizedUrl url, List<DestinationPattern> matching) {
        HostName host = url.host();
        if (host.isIpLiteral()) {
            InetAddress literal = host.literal().orElseThrow();
            boolean optedIn = matching.stream().anyMatch(p -> p.isLiteral(host));
            if (AddressClassifier.isSpecial(literal) && !optedIn) {
                throw new DestinationNotAllowedException("destination is a non-public address");
            }
            return literal;
        }
        List<InetAddress> addresses = resolve(host.name());
        for (InetAddress address : addresses) {
            if (AddressClassifier.isSpecial(address)) {
                // says nothing about the DNS answer: a merchant must not learn internal names
                throw new DestinationNotAllowedException("not allowed");
            }
        }
        return addresses.get(0);
    }

    private List<InetAddress> resolve(String host) {
        try {
            List<InetAddress> addresses = resolver.resolve(host);
            if (addresses == null || addresses.isEmpty()) {
                throw new UnknownHostException("no addresses");
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new DestinationUnresolvableException(host, e);
        }
    }
}
