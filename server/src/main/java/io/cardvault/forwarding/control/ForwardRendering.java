package io.cardvault.forwarding.control;

import io.cardvault.egress.control.DestinationPolicy;
import io.cardvault.egress.entity.Destination;
import io.cardvault.egress.entity.DestinationNotAllowedException;
import io.cardvault.egress.entity.DestinationUnresolvableException;
import io.cardvault.egress.entity.EgressProblem;
import io.cardvault.forwarding.entity.CvcUnavailableException;
import io.cardvault.forwarding.entity.ForwardProblem;
import io.cardvault.forwarding.entity.ForwardRequest;
import io.cardvault.forwarding.placeholder.Attribute;
import io.cardvault.forwarding.placeholder.CardAttributes;
import io.cardvault.forwarding.placeholder.PlaceholderEngine;
import io.cardvault.forwarding.placeholder.PlaceholderException;
import io.cardvault.platform.entity.CommonProblem;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.net.URI;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything a forward does before it sends: the destination policy, then the CVC check, then the
 * placeholders rendered into query, body and headers. A forward and its preview both come through
 * here (the preview with masked card values), so the two cannot disagree on what would be sent or
 * on which problem refuses it.
 */
@ApplicationScoped
public class ForwardRendering {

    @Inject DestinationPolicy policy;

    private final PlaceholderEngine engine = new PlaceholderEngine();

    /** The policy check of the attempt's URL; records the chosen destination on the attempt. */
    Destination destination(ForwardAttempt attempt, Tenant tenant) {
        try {
            Destination d = policy.checkAgainst(attempt.baseUrl(), tenant.destinationPatterns());
            attempt.chose(d);
            return d;
        } catch (DestinationNotAllowedException e) {
            throw new ProblemException(
                    EgressProblem.DESTINATION_NOT_ALLOWED,
                    "the destination is not in this tenant's allowedDestinations: "
                            + e.getMessage());
        } catch (DestinationUnresolvableException e) {
            throw new ProblemException(
                    ForwardProblem.DESTINATION_UNREACHABLE,
                    "the destination host could not be resolved");
        }
    }

    /**
     * Renders the attempt for this destination with these card values, and builds the client
     * request once (discarded) so that anything java.net.http would refuse is refused here.
     */
    RenderedRequest render(
            ForwardAttempt attempt,
            Destination destination,
            CardAttributes card,
            Duration timeout) {
        ForwardRequest request = attempt.request();
        Parsed parsed = parse(request, attempt.rawQuery(), attempt.destinationHeaders());
        boolean usesCvc = parsed.uses(Attribute.CVC);
        if (usesCvc && card.cvc().isEmpty()) {
            throw ForwardProblems.cvcUnavailable();
        }
        try {
            String query = parsed.query == null ? null : parsed.query.render(card);
            byte[] body = parsed.body.render(card);
            List<Map.Entry<String, String>> rendered = new ArrayList<>(parsed.headers.size() + 1);
            for (Map.Entry<String, PlaceholderEngine.Text> h : parsed.headers) {
                if (h.getKey().equalsIgnoreCase("accept-encoding")) {
                    continue; // identity responses only: the redactor must be able to read the body
                }
                rendered.add(
                        new AbstractMap.SimpleImmutableEntry<>(
                                h.getKey(), h.getValue().render(card)));
            }
            if (!destination.https() && !isLiteral(destination.host())) {
                rendered.add(
                        new AbstractMap.SimpleImmutableEntry<>(
                                "Host", destination.uri().getRawAuthority()));
            }
            RenderedRequest result =
                    new RenderedRequest(
                            destination,
                            request.method(),
                            target(destination, query),
                            shown(destination, query),
                            List.copyOf(rendered),
                            body,
                            usesCvc);
            result.toHttpRequest(timeout);
            return result;
        } catch (PlaceholderException e) {
            throw ForwardProblems.invalidPlaceholder(e);
        } catch (CvcUnavailableException e) {
            throw ForwardProblems.cvcUnavailable();
        } catch (IllegalArgumentException e) {
            throw new ProblemException(
                    CommonProblem.MALFORMED_REQUEST,
                    "a header or the destination URL cannot be sent as given");
        }
    }

    /** The body, query and header templates of one request, each parsed once. */
    private record Parsed(
            PlaceholderEngine.Body body,
            PlaceholderEngine.Text query,
            List<Map.Entry<String, PlaceholderEngine.Text>> headers) {

        boolean uses(Attribute attribute) {
            if (body.uses(attribute) || (query != null && query.uses(attribute))) {
                return true;
            }
            for (Map.Entry<String, PlaceholderEngine.Text> h : headers) {
                if (h.getValue().uses(attribute)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Parses every template before anything is rendered, so a malformed placeholder is answered as
     * 400 invalid-placeholder (attributed to where it stands) before the CVC check, and nothing is
     * parsed twice.
     */
    private Parsed parse(
            ForwardRequest request, String rawQuery, Map<String, List<String>> headers) {
        try {
            PlaceholderEngine.Body body =
                    engine.parseBody(request.body(), request.header("content-type"));
            PlaceholderEngine.Text query = rawQuery == null ? null : engine.parseQuery(rawQuery);
            List<Map.Entry<String, PlaceholderEngine.Text>> parsedHeaders = new ArrayList<>();
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                for (String value : h.getValue()) {
                    parsedHeaders.add(
                            new AbstractMap.SimpleImmutableEntry<>(
                                    h.getKey(), engine.parseHeaderValue(h.getKey(), value)));
                }
            }
            return new Parsed(body, query, parsedHeaders);
        } catch (PlaceholderException e) {
            throw ForwardProblems.invalidPlaceholder(e);
        }
    }

    /**
     * For plain http the checked address itself is the target (no second DNS lookup); https needs
     * the name.
     */
    private static URI target(Destination d, String query) {
        String host =
                d.https() || isLiteral(d.host())
                        ? d.uri().getRawAuthority()
                        : literal(d) + (d.uri().getPort() == -1 ? "" : ":" + d.uri().getPort());
        return URI.create(d.uri().getScheme() + "://" + host + path(d) + suffix(query));
    }

    private static String shown(Destination d, String query) {
        return d.uri().getScheme() + "://" + d.uri().getRawAuthority() + path(d) + suffix(query);
    }

    private static String path(Destination d) {
        String raw = d.uri().getRawPath();
        return raw == null || raw.isEmpty() ? "/" : raw;
    }

    private static String suffix(String query) {
        return query == null ? "" : "?" + query;
    }

    private static String literal(Destination d) {
        String ip = d.address().getHostAddress();
        return d.address() instanceof Inet6Address ? "[" + ip.replaceAll("%.*$", "") + "]" : ip;
    }

    private static boolean isLiteral(String host) {
        return host.startsWith("[")
                || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }
}
