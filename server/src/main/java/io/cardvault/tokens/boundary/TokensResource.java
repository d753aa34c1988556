package io.cardvault.tokens.boundary;

import io.cardvault.cards.control.BrandCatalog;
import io.cardvault.crypto.control.Keyring;
import io.cardvault.idempotency.control.Idempotency;
import io.cardvault.idempotency.entity.IdempotencyKey;
import io.cardvault.platform.control.Counters;
import io.cardvault.platform.control.JsonBodies;
import io.cardvault.platform.control.MediaTypes;
import io.cardvault.platform.entity.FieldError;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.control.Authenticator;
import io.cardvault.tenants.entity.Caller;
import io.cardvault.tokens.control.CardValidator;
import io.cardvault.tokens.control.RateLimiter;
import io.cardvault.tokens.control.TokenMetrics;
import io.cardvault.tokens.control.TokenVault;
import io.cardvault.tokens.entity.StoredToken;
import io.cardvault.tokens.entity.TokenId;
import io.cardvault.tokens.entity.TokenProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tokens API: create (pk or sk), read and delete (sk), CVC re-collection (pk or sk). */
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens")
@SecurityRequirement(name = "apiKey")
@ApplicationScoped // one instance: nothing per request in fields (Jersey would build one per call)
public class TokensResource {

    public static final int MAX_BODY = 16 * 1024;

    private static final CardValidator VALIDATOR = new CardValidator(BrandCatalog.standard());

    @Inject Authenticator auth;

    @Inject TokenVault vault;

    @Inject RateLimiter rateLimiter;

    @Inject Idempotency idempotency;

    @Inject Keyring keyring;

    @POST
    @Operation(
            summary = "Tokenize a card",
            description = "Returns a random UUID v4 token and masked card metadata.")
    public Response create(
            @HeaderParam("x-api-key") String apiKey,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context HttpServletRequest request,
            InputStream body) {
        long started = System.nanoTime();
        String status = "5xx";
        try {
            Response r = createToken(apiKey, contentType, idempotencyKey, request, body);
            status = Counters.statusClass(r.getStatus());
            return r;
        } catch (ProblemException e) {
            status = Counters.statusClass(e.type().status());
            throw e;
        } finally {
            Counters.recordRequest(TokenMetrics.TOKENIZATIONS, started, "status", status);
        }
    }

    private Response createToken(
            String apiKey,
            String contentType,
            String idempotencyKey,
            HttpServletRequest request,
            InputStream body) {
        Caller caller = auth.anyKey(apiKey);
        checkRate(caller, request);
        MediaTypes.requireJson(contentType);
        byte[] bytes = JsonBodies.readLimited(body, MAX_BODY);
        JsonObject json = JsonBodies.parseObject(bytes);
        Optional<IdempotencyKey> key = IdempotencyKey.fromHeader(idempotencyKey);
        if (key.isEmpty()) {
            StoredToken token = tokenize(caller, json);
            return created(token, false);
        }
        String digest = keyring.fingerprinter().keyedDigest(caller.tenantId().value(), bytes);
        Idempotency.Outcome outcome =
                idempotency.once(
                        caller.tenantId(),
                        "tokens",
                        key.get(),
                        digest,
                        () -> tokenize(caller, json).id().value());
        StoredToken token =
                vault.find(caller.tenantId(), new TokenId(outcome.result()))
                        .orElseThrow(TokenVault::notFound);
        return created(token, outcome.replayed());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a token's masked metadata (secret key)")
    public String read(@HeaderParam("x-api-key") String apiKey, @PathParam("id") String id) {
        Caller caller = auth.secretKey(apiKey);
        TokenId tokenId = TokenId.parse(id).orElseThrow(TokenVault::notFound);
        StoredToken token = vault.require(caller.tenantId(), tokenId);
        return TokenJson.of(token, vault.cvcAvailable(caller.tenantId(), tokenId)).toString();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a token; its card data is destroyed (secret key)")
    public Response delete(@HeaderParam("x-api-key") String apiKey, @PathParam("id") String id) {
        Caller caller = auth.secretKey(apiKey);
        TokenId tokenId = TokenId.parse(id).orElseThrow(TokenVault::notFound);
        if (!vault.delete(caller.tenantId(), tokenId)) {
            throw TokenVault.notFound();
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/cvc")
    @Operation(summary = "Re-collect the CVC of a stored card (held in memory only)")
    public Response recollectCvc(
            @HeaderParam("x-api-key") String apiKey,
            @HeaderParam("Content-Type") String contentType,
            @PathParam("id") String id,
            @Context HttpServletRequest request,
            InputStream body) {
        Caller caller = auth.anyKey(apiKey);
        checkRate(caller, request);
        TokenId tokenId = TokenId.parse(id).orElseThrow(TokenVault::notFound);
        MediaTypes.requireJson(contentType);
        JsonObject json = JsonBodies.parseObject(JsonBodies.readLimited(body, MAX_BODY));
        StoredToken token = vault.require(caller.tenantId(), tokenId);
        JsonValue cvc = json.get("cvc");
        if (cvc == null || cvc == JsonValue.NULL) {
            throw invalidCvc("required", "cvc is required");
        }
        if (!(cvc instanceof JsonString s) || !CardValidator.isCvc(s.getString(), token.brand())) {
            throw invalidCvc("invalid-cvc", "cvc has the wrong length or characters for this card");
        }
        vault.recollectCvc(caller.tenantId(), tokenId, s.getString());
        return Response.noContent().build();
    }

    private void checkRate(Caller caller, HttpServletRequest request) {
        try {
            rateLimiter.checkTokenize(caller, request.getRemoteAddr());
        } catch (ProblemException e) {
            Counters.increment(TokenMetrics.RATE_LIMITED, "operation", "tokenize");
            throw e;
        }
    }

    private StoredToken tokenize(Caller caller, JsonObject json) {
        CardValidator.Result result = VALIDATOR.validate(json, CardValidator.currentMonth());
        if (result instanceof CardValidator.Invalid invalid) {
            throw new ProblemException(
                    TokenProblem.INVALID_CARD, "the card data is not valid", invalid.errors());
        }
        StoredToken token = vault.create(caller.tenantId(), ((CardValidator.Valid) result).card());
        Counters.increment("cardvault_tokens_created_total");
        return token;
    }

    private Response created(StoredToken token, boolean replayed) {
        Response.ResponseBuilder b =
                Response.created(URI.create("/api/v1/tokens/" + token.id().value()))
                        .entity(
                                TokenJson.of(
                                                token,
                                                vault.cvcAvailable(token.tenantId(), token.id()))
                                        .toString());
        if (replayed) {
            b.header("Idempotent-Replayed", "true");
        }
        return b.build();
    }

    private static ProblemException invalidCvc(String code, String message) {
        return new ProblemException(
                TokenProblem.INVALID_CARD,
                "the card data is not valid",
                List.of(new FieldError("cvc", code, message)));
    }
}
