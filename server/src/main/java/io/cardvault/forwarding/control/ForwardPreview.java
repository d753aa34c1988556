package io.cardvault.forwarding.control;

import io.cardvault.egress.entity.Destination;
import io.cardvault.forwarding.entity.ForwardPreviewResult;
import io.cardvault.forwarding.entity.ForwardRequest;
import io.cardvault.forwarding.http.ForwardClient;
import io.cardvault.forwarding.placeholder.PlaceholderLocation;
import io.cardvault.forwarding.placeholder.PlaceholderLocations;
import io.cardvault.idempotency.entity.IdempotencyKey;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.entity.Caller;
import io.cardvault.tokens.control.TokenVault;
import io.cardvault.tokens.entity.StoredToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A forward taken through every check and the rendering, with masked card values, and stopped
 * before the connection. The card is never decrypted (the masks come from the token's metadata),
 * the CVC is neither read nor consumed, no idempotency key is reserved, and the attempt is audited
 * as a preview.
 */
@ApplicationScoped
public class ForwardPreview {

    @Inject Forwarder forwarder;

    @Inject ForwardRendering rendering;

    @Inject ForwardClient client;

    @Inject TokenVault vault;

    @Inject AuditLog audit;

    public ForwardPreviewResult preview(Caller caller, ForwardRequest request) {
        ForwardAttempt attempt = ForwardAttempt.read(caller.tenantId(), request);
        attempt.previewed();
        try {
            attempt.useDestinationHeaders(forwarder.destinationHeaders(request));
            IdempotencyKey.fromHeader(request.header("idempotency-key")); // refused alike
            Destination destination = rendering.destination(attempt, forwarder.tenant(caller));
            StoredToken token =
                    vault.find(attempt.tenantId(), attempt.tokenId())
                            .orElseThrow(TokenVault::notFound);
            MaskedCardAttributes masked =
                    MaskedCardAttributes.of(
                            token, vault.cvcAvailable(attempt.tenantId(), attempt.tokenId()));
            RenderedRequest rendered =
                    rendering.render(attempt, destination, masked, client.timeout());
            attempt.answered(200);
            return new ForwardPreviewResult(
                    attempt.forwardId(),
                    rendered.method(),
                    rendered.shownUrl(),
                    destination.address().getHostAddress(),
                    rendered.headers(),
                    rendered.body(),
                    locations(attempt));
        } catch (ProblemException e) {
            attempt.failed(e.type());
            throw e;
        } finally {
            audit.record(attempt.auditEntry(System.currentTimeMillis()));
        }
    }

    private static List<PlaceholderLocation> locations(ForwardAttempt attempt) {
        List<PlaceholderLocation> out =
                new ArrayList<>(
                        PlaceholderLocations.inBody(
                                attempt.request().body(), attempt.contentType()));
        for (Map.Entry<String, List<String>> h : attempt.destinationHeaders().entrySet()) {
            if (h.getKey().equalsIgnoreCase("accept-encoding")) {
                continue;
            }
            for (String value : h.getValue()) {
                out.addAll(PlaceholderLocations.inHeader(h.getKey(), value));
            }
        }
        out.addAll(PlaceholderLocations.inQuery(attempt.rawQuery()));
        return out;
    }
}
