package io.cardvault.forwarding.control;

import io.cardvault.egress.entity.Destination;
import io.cardvault.forwarding.entity.ForwardRequest;
import io.cardvault.platform.control.Counters;
import io.cardvault.platform.control.RequestIds;
import io.cardvault.platform.entity.CommonProblem;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.platform.entity.ProblemType;
import io.cardvault.tenants.entity.TenantId;
import io.cardvault.tokens.entity.TokenId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One forward on its way through the flow: who asks, for which token, the request read once (URL
 * split into base and query, the headers meant for the destination) and its forward id; and what
 * happened to it, from which it makes its own audit entry. Used by one request thread only.
 */
public final class ForwardAttempt {

    public static final String FORWARD_URL = "x-forward-url";
    public static final String TOKEN_ID = "x-token-id";

    /** The timer of forwards (count, latency distribution) by destination host and status. */
    public static final String FORWARDS = "cardvault_forwards";

    /**
     * Syntax only (scheme, "://", a non-empty authority, no whitespace before the query): anything
     * else is a malformed header (400); a well-formed URL that is not allowed stays 403.
     */
    private static final Pattern ABSOLUTE_URL =
            Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/?#\\s]+(?:[/#]\\S*)?");

    private final String forwardId = RequestIds.timeOrderedId();
    private final long startedNanos = System.nanoTime();
    private final TenantId tenantId;
    private final ForwardRequest request;
    private final String url;
    private final String baseUrl;
    private final String rawQuery;
    private final TokenId tokenId;
    private Map<String, List<String>> destinationHeaders = Map.of();

    private String host;
    private String path;
    private int status;
    private String errorCode;
    private boolean sent;
    private boolean replayed;
    private boolean preview;
    private String injectedCvc;

    private ForwardAttempt(TenantId tenantId, ForwardRequest request, String url, TokenId token) {
        this.tenantId = tenantId;
        this.request = request;
        this.url = url;
        String[] parts = splitQuery(url);
        this.baseUrl = parts[0];
        this.rawQuery = parts[1];
        this.tokenId = token;
    }

    /** Reads the control headers; a missing or malformed one is a 400 before anything else. */
    public static ForwardAttempt read(TenantId tenantId, ForwardRequest request) {
        String url = requireHeader(request, FORWARD_URL, "an absolute URL");
        if (!ABSOLUTE_URL.matcher(splitQuery(url)[0]).matches()) {
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
        return new ForwardAttempt(tenantId, request, url, tokenId);
    }

    public String forwardId() {
        return forwardId;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public TokenId tokenId() {
        return tokenId;
    }

    public ForwardRequest request() {
        return request;
    }

    /** The whole {@code x-forward-url} as given. */
    public String url() {
        return url;
    }

    /** The URL without query and fragment: what the egress policy checks. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The raw query (may hold placeholders), or null. */
    public String rawQuery() {
        return rawQuery;
    }

    public String contentType() {
        return request.header("content-type");
    }

    public Map<String, List<String>> destinationHeaders() {
        return destinationHeaders;
    }

    void useDestinationHeaders(Map<String, List<String>> headers) {
        this.destinationHeaders = headers;
    }

    void chose(Destination destination) {
        host = destination.host();
        path = destination.uri().getRawPath();
    }

    void sending() {
        sent = true;
    }

    /** The connection failed before any byte left: a retry may send again. */
    void nothingSent() {
        sent = false;
    }

    void answered(int statusCode) {
        status = statusCode;
    }

    void failed(ProblemType type) {
        errorCode = type.slug();
        status = type.status();
    }

    /** A preview: nothing will be sent; audited as such. */
    void previewed() {
        preview = true;
    }

    void replayed() {
        replayed = true;
    }

    /** The CVC this forward sent, so the stored replay can be cleared of it (PCI DSS 3.3.1.2). */
    void injectedCvc(String cvc) {
        injectedCvc = cvc;
    }

    Optional<String> injectedCvc() {
        return Optional.ofNullable(injectedCvc);
    }

    /**
     * Adds this attempt to the forward latency metric, tagged with the destination host (one the
     * tenant allowed, or {@code none} before the policy chose one) and the status class. Measured
     * over the whole HTTP request when the edge filter times it (see {@link
     * Counters#recordRequest}).
     */
    void measured() {
        Counters.recordRequest(
                FORWARDS,
                startedNanos,
                "host",
                host,
                "status",
                replayed ? "replayed" : Counters.statusClass(status));
    }

    boolean wasSent() {
        return sent;
    }

    boolean wasReplayed() {
        return replayed;
    }

    AuditLog.Entry auditEntry(long nowMillis) {
        return new AuditLog.Entry(
                forwardId,
                tenantId,
                tokenId.value(),
                request.method(),
                host,
                path,
                status,
                (System.nanoTime() - startedNanos) / 1_000_000,
                errorCode,
                nowMillis,
                preview);
    }

    static String[] splitQuery(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return new String[] {url, null};
        }
        String query = url.substring(q + 1);
        int hash = query.indexOf('#');
        return new String[] {url.substring(0, q), hash < 0 ? query : query.substring(0, hash)};
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

    @Override
    public String toString() {
        return "ForwardAttempt[" + forwardId + "]";
    }
}
