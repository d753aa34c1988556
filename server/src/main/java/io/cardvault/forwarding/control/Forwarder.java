package io.cardvault.forwarding.control;

import io.cardvault.crypto.control.Keyring;
import io.cardvault.forwarding.entity.ForwardProblem;
import io.cardvault.forwarding.entity.ForwardRequest;
import io.cardvault.forwarding.entity.RelayedResponse;
import io.cardvault.forwarding.http.HeaderOverwriteException;
import io.cardvault.forwarding.http.HeaderRules;
import io.cardvault.idempotency.entity.IdempotencyKey;
import io.cardvault.platform.boundary.OwnErrorMarker;
import io.cardvault.platform.control.Problems;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.control.TenantRegistry;
import io.cardvault.tenants.entity.Caller;
import io.cardvault.tenants.entity.Tenant;
import io.cardvault.tenants.entity.TenantProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compliance proxy's flow: validate the control headers, reserve the idempotency key, check the
 * destination, decrypt the card, inject it, call the destination, redact and relay — and audit
 * every attempt. Nothing is sent unless every check before the call passed.
 */
@ApplicationScoped
public class Forwarder {

    @Inject TenantRegistry tenants;

    @Inject Keyring keyring;

    @Inject ForwardReplays replays;

    @Inject AuditLog audit;

    @Inject ForwardCall call;

    @Inject HeaderRules headerRules;

    @Inject Problems problems;

    public RelayedResponse forward(Caller caller, ForwardRequest request) {
        ForwardAttempt attempt = ForwardAttempt.read(caller.tenantId(), request);
        try {
            attempt.useDestinationHeaders(destinationHeaders(request));
            Optional<IdempotencyKey> key =
                    IdempotencyKey.fromHeader(request.header("idempotency-key"));
            if (key.isEmpty()) {
                return call.perform(attempt, tenant(caller));
            }
            Optional<RelayedResponse> replay =
                    replays.reserve(
                            attempt.tenantId(), attempt.tokenId(), key.get(), digest(attempt));
            if (replay.isPresent()) {
                attempt.replayed();
                return replay.get();
            }
            return performOnce(attempt, caller, key.get());
        } catch (ProblemException e) {
            attempt.failed(e.type());
            throw e;
        } finally {
            if (!attempt.wasReplayed()) {
                audit.record(attempt.auditEntry(System.currentTimeMillis()));
            }
            attempt.measured();
        }
    }

    private RelayedResponse performOnce(ForwardAttempt attempt, Caller caller, IdempotencyKey key) {
        try {
            RelayedResponse response = call.perform(attempt, tenant(caller));
            replays.complete(attempt, key, response);
            return response;
        } catch (ProblemException e) {
            if (attempt.wasSent()) {
                // the destination may have acted: a retry must not call it again, so remember the
                // failure
                replays.complete(attempt, key, problemResponse(e, attempt.forwardId()));
            } else {
                replays.release(attempt.tenantId(), key);
            }
            throw e;
        } catch (RuntimeException e) {
            replays.release(attempt.tenantId(), key);
            throw e;
        }
    }

    Map<String, List<String>> destinationHeaders(ForwardRequest request) {
        try {
            return headerRules.toDestination(request.headers());
        } catch (HeaderOverwriteException e) {
            throw new ProblemException(ForwardProblem.INVALID_HEADER_OVERWRITE, e.getMessage());
        }
    }

    Tenant tenant(Caller caller) {
        return tenants.find(caller.tenantId())
                .orElseThrow(
                        () ->
                                new ProblemException(
                                        TenantProblem.UNAUTHENTICATED,
                                        "the tenant of this key no longer exists"));
    }

    private String digest(ForwardAttempt attempt) {
        return keyring.fingerprinter()
                .keyedDigest(attempt.tenantId().value(), ForwardDigest.input(attempt));
    }

    private RelayedResponse problemResponse(ProblemException e, String forwardId) {
        byte[] body =
                problems.json(e.type(), e.getMessage(), null, e.errors())
                        .getBytes(StandardCharsets.UTF_8);
        return new RelayedResponse(
                e.type().status(),
                Map.of(
                        "Content-Type",
                        List.of(Problems.MEDIA_TYPE),
                        OwnErrorMarker.HEADER,
                        List.of("true")),
                body,
                forwardId);
    }
}
