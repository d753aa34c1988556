package io.cardvault.forwarding.control;

import io.cardvault.egress.entity.Destination;
import io.cardvault.forwarding.entity.ForwardProblem;
import io.cardvault.forwarding.entity.RelayedResponse;
import io.cardvault.forwarding.http.ForwardClient;
import io.cardvault.forwarding.http.HeaderRules;
import io.cardvault.forwarding.http.ResponseRedactor;
import io.cardvault.forwarding.http.TenantPermits;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.entity.Tenant;
import io.cardvault.tenants.entity.TenantId;
import io.cardvault.tokens.control.TokenVault;
import io.cardvault.tokens.entity.RevealedCard;
import io.cardvault.tokens.entity.TokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * One call to a destination: the card revealed and injected by {@link ForwardRendering} (shared
 * with the preview), the HTTP exchange under the tenant's concurrency permit and the timeouts, then
 * redaction. Records on the {@link ForwardAttempt} what happened, for the audit trail.
 */
@ApplicationScoped
public class ForwardCall {

    @Inject ForwardRendering rendering;

    @Inject ResponseRedactor redactor;

    @Inject HeaderRules headerRules;

    @Inject ForwardClient client;

    @Inject TenantPermits permits;

    @Inject TokenVault vault;

    @Inject AuditLog audit;

    RelayedResponse perform(ForwardAttempt attempt, Tenant tenant) {
        TenantId tenantId = attempt.tenantId();
        TokenId tokenId = attempt.tokenId();
        Destination destination = rendering.destination(attempt, tenant);
        RevealedCard card = vault.reveal(tenantId, tokenId).orElseThrow(TokenVault::notFound);
        RenderedRequest rendered =
                rendering.render(
                        attempt, destination, new RevealedCardAttributes(card), client.timeout());
        boolean usesCvc = rendered.usesCvc();
        if (usesCvc) {
            card.cvc().ifPresent(attempt::injectedCvc);
        }
        HttpRequest httpRequest = rendered.toHttpRequest(client.timeout());
        HttpResponse<byte[]> response = exchange(tenantId, httpRequest, attempt);
        attempt.answered(response.statusCode());
        if (usesCvc && response.statusCode() >= 200 && response.statusCode() < 300) {
            vault.cvcUsedSuccessfully(tenantId, tokenId);
        }
        // sec1 (issue 10 #2): headers redacted too, compressed bodies decoded (bounded) first
        return redactor.relay(
                response.statusCode(),
                headerRules.toMerchant(response.headers().map()),
                response.body(),
                card.number().revealDigits(),
                card.cvc(),
                attempt.forwardId());
    }

    private HttpResponse<byte[]> exchange(
            TenantId tenantId, HttpRequest request, ForwardAttempt attempt) {
        try (AutoCloseable permit = permits.acquire(tenantId)) {
            attempt.sending();
            // write-ahead: on record before a byte leaves, so a crash cannot lose the row
            audit.sending(attempt.auditEntry(System.currentTimeMillis()));
            try {
                // bounded by the request's own timeout (cardvault.forward.timeout)
                return client.send(request);
            } catch (IOException e) {
                if (ForwardProblems.nothingSent(e)) {
                    attempt.nothingSent();
                }
                throw ForwardProblems.failure(e);
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
