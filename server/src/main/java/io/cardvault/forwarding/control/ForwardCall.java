package io.cardvault.forwarding.control;

import io.cardvault.egress.control.DestinationPolicy;
import io.cardvault.egress.entity.Destination;
import io.cardvault.egress.entity.DestinationNotAllowedException;
import io.cardvault.egress.entity.DestinationUnresolvableException;
import io.cardvault.egress.entity.EgressProblem;
import io.cardvault.forwarding.entity.CvcUnavailableException;
import io.cardvault.forwarding.entity.ForwardProblem;
import io.cardvault.forwarding.entity.ForwardRequest;
import io.cardvault.forwarding.entity.RelayedResponse;
import io.cardvault.forwarding.http.ForwardClient;
import io.cardvault.forwarding.http.HeaderRules;
import io.cardvault.forwarding.http.ResponseRedactor;
import io.cardvault.forwarding.http.TenantPermits;
import io.cardvault.forwarding.placeholder.CardAttributes;
import io.cardvault.forwarding.placeholder.PlaceholderEngine;
import io.cardvault.forwarding.placeholder.PlaceholderException;
import io.cardvault.platform.entity.CommonProblem;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.entity.Tenant;
import io.cardvault.tenants.entity.TenantId;
import io.cardvault.tokens.control.TokenVault;
import io.cardvault.tokens.entity.RevealedCard;
import io.cardvault.tokens.entity.TokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One call to a destination: policy check, card injection, the HTTP exchange under the tenant's
 * concurrency permit and the timeouts, then redaction. Records on the {@link ForwardAttempt} what
 * happened, for the audit trail.
 */
@ApplicationScoped
public class ForwardCall {

    @Inject DestinationPolicy policy;

    @Inject PlaceholderEngine engine;

    @Inject ResponseRedactor redactor;

    @Inject HeaderRules headerRules;

    @Inject ForwardClient client;

    @Inject TenantPermits permits;

    @Inject TokenVault vault;

    RelayedResponse perform(ForwardAttempt attempt, Tenant tenant) {
        TenantId tenantId = attempt.tenantId();
        TokenId tokenId = attempt.tokenId();
        ForwardRequest request = attempt.request();
        Map<String, List<String>> headers = attempt.destinationHeaders();
        String[] parts = {attempt.baseUrl(), attempt.rawQuery()};
        Destination destination = check(parts[0], tenant);
        attempt.chose(destination);
        RevealedCard card = vault.reveal(tenantId, tokenId).orElseThrow(TokenVault::notFound);
        CardAttributes attributes = new RevealedCardAttributes(card);
        String contentType = request.header("content-type");
        boolean usesCvc = usesCvc(request, contentType, parts[1], headers);
        if (usesCvc && card.cvc().isEmpty()) {
            throw ForwardProblems.cvcUnavailable();
        }
        if (usesCvc) {
            attempt.injectedCvc(card.cvc().get());
        }
        HttpRequest httpRequest =
                render(request, destination, parts[1], headers, attributes, contentType);
        HttpResponse<byte[]> response = exchange(tenantId, httpRequest, attempt);
        attempt.answered(response.statusCode());
        if (usesCvc && response.statusCode() >= 200 && response.statusCode() < 300) {
            vault.cvcUsedSuccessfully(tenantId, tokenId);
        }
        byte[] body = redactor.redact(response.body(), card.number().revealDigits());
        return new RelayedResponse(
                response.statusCode(),
                headerRules.toMerchant(response.headers().map()),
                body,
                attempt.forwardId());
    }

    /**
     * Whether the body, query or a header reads the CVC. This parses every template before render()
     * does, so a malformed placeholder must already be answered here as 400 invalid-placeholder
     * (attributed to where it stands), not escape as an unmapped exception (500).
     */
    private boolean usesCvc(
            ForwardRequest request,
            String contentType,
            String rawQuery,
            Map<String, List<String>> headers) {
        try {
            if (engine.usesCvc(request.body(), contentType)) {
                return true;
            }
        } catch (PlaceholderException e) {
            throw ForwardProblems.invalidPlaceholder(e);
        }
        try {
            if (rawQuery != null && engine.usesCvc(rawQuery)) {
                return true;
            }
        } catch (PlaceholderException e) {
            throw ForwardProblems.invalidPlaceholder(e.in("url"));
        }
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            for (String value : h.getValue()) {
                try {
                    if (engine.usesCvc(value)) {
                        return true;
                    }
                } catch (PlaceholderException e) {
                    throw ForwardProblems.invalidPlaceholder(e.in("header:" + h.getKey()));
                }
            }
        }
        return false;
    }

    private Destination check(String baseUrl, Tenant tenant) {
        try {
            return policy.checkAgainst(baseUrl, tenant.destinationPatterns());
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

    private HttpRequest render(
            ForwardRequest request,
            Destination destination,
            String rawQuery,
            Map<String, List<String>> headers,
            CardAttributes card,
            String contentType) {
        try {
            String query = rawQuery == null ? null : engine.renderQuery(rawQuery, card);
            byte[] body = engine.renderBody(request.body(), contentType, card);
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(target(destination, query))
                            .timeout(client.timeout())
                            .version(
                                    destination.https()
                                            ? HttpClient.Version.HTTP_2
                                            : HttpClient.Version.HTTP_1_1)
                            .method(
                                    request.method(),
                                    body.length == 0 && !hasBodyMethod(request.method())
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                if (h.getKey().equalsIgnoreCase("accept-encoding")) {
                    continue; // identity responses only: the redactor must be able to read the body
                }
                for (String value : h.getValue()) {
                    b.header(h.getKey(), engine.renderHeaderValue(h.getKey(), value, card));
                }
            }
            if (!destination.https() && !isLiteral(destination.host())) {
                b.header("Host", destination.uri().getRawAuthority());
            }
            return b.build();
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

    /**
     * For plain http the checked address itself is the target (no second DNS lookup); https needs
     * the name.
     */
    private static URI target(Destination d, String query) {
        String host =
                d.https() || isLiteral(d.host())
                        ? d.uri().getRawAuthority()
                        : literal(d) + (d.uri().getPort() == -1 ? "" : ":" + d.uri().getPort());
        String path =
                d.uri().getRawPath() == null || d.uri().getRawPath().isEmpty()
                        ? "/"
                        : d.uri().getRawPath();
        return URI.create(
                d.uri().getScheme() + "://" + host + path + (query == null ? "" : "?" + query));
    }

    private static String literal(Destination d) {
        String ip = d.address().getHostAddress();
        return d.address() instanceof Inet6Address ? "[" + ip.replaceAll("%.*$", "") + "]" : ip;
    }

    private static boolean isLiteral(String host) {
        return host.startsWith("[")
                || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    private static boolean hasBodyMethod(String method) {
        return !method.equals("GET") && !method.equals("DELETE");
    }

    private HttpResponse<byte[]> exchange(
            TenantId tenantId, HttpRequest request, ForwardAttempt attempt) {
        try (AutoCloseable permit = permits.acquire(tenantId)) {
            attempt.sending();
            CompletableFuture<HttpResponse<byte[]>> future = client.send(request);
            try {
                return future.get(client.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                throw ForwardProblems.timeout();
            } catch (ExecutionException e) {
                if (ForwardProblems.nothingSent(e.getCause())) {
                    attempt.nothingSent();
                }
                throw ForwardProblems.failure(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ForwardProblems.timeout();
            }
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw new ProblemException(
                    ForwardProblem.DESTINATION_UNREACHABLE, "the destination could not be reached");
        }
    }
}
