package io.cardvault.forwarding.control;

import io.cardvault.crypto.control.Keyring;
import io.cardvault.forwarding.entity.ForwardProblem;
import io.cardvault.forwarding.entity.ForwardRequest;
import io.cardvault.forwarding.entity.RelayedResponse;
import io.cardvault.forwarding.http.HeaderOverwriteException;
import io.cardvault.forwarding.http.HeaderRules;
import io.cardvault.platform.boundary.OwnErrorMarker;
import io.cardvault.platform.control.Problems;
import io.cardvault.platform.entity.CommonProblem;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.control.TenantRegistry;
import io.cardvault.tenants.entity.Caller;
import io.cardvault.tenants.entity.Tenant;
import io.cardvault.tenants.entity.TenantProblem;
import io.cardvault.tokens.entity.TokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The compliance proxy's flow: validate the control headers, reserve the idempotency key, check the
 * destination, decrypt the card, inject it, call the destination, redact and relay — and audit
 * every attempt. Nothing is sent unless every check before the call passed.
 */
@ApplicationScoped
public class Forwarder {

    public static final String FORWARD_URL = "x-forward-url";
    public static final String TOKEN_ID = "x-token-id";

    /**
     * Syntax only (scheme, "://", a non-empty authority, no whitespace before the query): anything
     * else is a malformed header (400); a well-formed URL that is not allowed stays 403.
     */
    private static final java.util.regex.Pattern ABSOLUTE_URL =
            java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/?#\\s]+(?:[/#]\\S*)?");

    @Inject TenantRegistry tenants;

    @Inject Keyring keyring;

    @Inject ForwardReplays replays;

    @Inject ForwardAudit audit;

    @Inject ForwardCall call;

    @Inject HeaderRules headerRules;

    @Inject Problems problems;

    public RelayedResponse forward(Caller caller, ForwardRequest request) {
        String forwardId = UUID.randomUUID().toString();
        long started = System.nanoTime();
        ForwardCall.Outcome outcome = new ForwardCall.Outcome();
        String url = requireHeader(request, FORWARD_URL, "an absolute URL");
        if (!ABSOLUTE_URL.matcher(ForwardCall.splitQuery(url)[0]).matches()) {
            throw new ProblemException(
                    CommonProblem.MALFORMED_REQUEST,
                    "the x-forward-url header must be an absolute URL (scheme://host/path)");
        }
        TokenId tokenId =
                TokenId.parse(requireHeader(request, TOKEN_ID, "a token id"))
                        .orElseThrow(
                                () ->
                                        new ProblemException(
                                                CommonProblem.MALFORMED_REQUEST,
                                                "x-token-id must be a token id (UUID)"));
        try {
            Map<String, List<String>> outgoing = destinationHeaders(request);
            String key = request.header("idempotency-key");
            if (key == null) {
                return perform(caller, request, url, tokenId, outgoing, forwardId, outcome);
            }
            String digest = digest(caller.tenantId(), request, url, tokenId);
            Optional<RelayedResponse> replay = replays.reserve(caller.tenantId(), key, digest);
            if (replay.isPresent()) {
                outcome.replayed = true;
                return replay.get();
            }
            return performOnce(caller, request, url, tokenId, outgoing, forwardId, key, outcome);
        } catch (ProblemException e) {
            outcome.errorCode = e.type().slug();
            outcome.status = e.type().status();
            throw e;
        } finally {
            if (!outcome.replayed) {
                audit.record(
                        new ForwardAudit.Entry(
                                forwardId,
                                caller.tenantId(),
                                tokenId.value(),
                                request.method(),
                                outcome.host,
                                outcome.path,
                                outcome.status,
                                (System.nanoTime() - started) / 1_000_000,
                                outcome.errorCode,
                                System.currentTimeMillis()));
            }
        }
    }

    private RelayedResponse performOnce(
            Caller caller,
            ForwardRequest request,
            String url,
            TokenId tokenId,
            Map<String, List<String>> outgoing,
            String forwardId,
            String key,
            ForwardCall.Outcome outcome) {
        try {
            RelayedResponse response =
                    perform(caller, request, url, tokenId, outgoing, forwardId, outcome);
            replays.complete(caller.tenantId(), key, response);
            return response;
        } catch (ProblemException e) {
            if (outcome.sent) {
                // the destination may have acted: a retry must not call it again, so remember the
                // failure
                replays.complete(caller.tenantId(), key, problemResponse(e, forwardId));
            } else {
                replays.release(caller.tenantId(), key);
            }
            throw e;
        } catch (RuntimeException e) {
            replays.release(caller.tenantId(), key);
            throw e;
        }
    }

    private RelayedResponse perform(
            Caller caller,
            ForwardRequest request,
            String url,
            TokenId tokenId,
            Map<String, List<String>> outgoing,
            String forwardId,
            ForwardCall.Outcome outcome) {
        return call.perform(
                caller.tenantId(),
                tenant(caller),
                tokenId,
                request,
                url,
                outgoing,
                forwardId,
                outcome);
    }

    private Map<String, List<String>> destinationHeaders(ForwardRequest request) {
        try {
            return headerRules.toDestination(request.headers());
        } catch (HeaderOverwriteException e) {
            throw new ProblemException(ForwardProblem.INVALID_HEADER_OVERWRITE, e.getMessage());
        }
    }

    private Tenant tenant(Caller caller) {
        return tenants.find(caller.tenantId())
                .orElseThrow(
                        () ->
                                new ProblemException(
                                        TenantProblem.UNAUTHENTICATED,
                                        "the tenant of this key no longer exists"));
    }

    private String digest(String tenantId, ForwardRequest request, String url, TokenId tokenId) {
        byte[] head =
                (request.method() + "\n" + url + "\n" + tokenId.value() + "\n")
                        .getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + request.body().length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(request.body(), 0, all, head.length, request.body().length);
        return keyring.fingerprinter().keyedDigest(tenantId, all);
    }

    private static String requireHeader(ForwardRequest request, String name, String what) {
        String value = request.header(name);
        if (value == null || value.isBlank()) {
            throw new ProblemException(
                    CommonProblem.MALFORMED_REQUEST,
                    "the " + name + " header is required: " + what);
        }
        return value.strip();
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
