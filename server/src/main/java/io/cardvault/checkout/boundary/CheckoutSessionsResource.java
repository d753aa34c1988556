package io.cardvault.checkout.boundary;

import io.cardvault.checkout.control.CheckoutSessions;
import io.cardvault.checkout.entity.CheckoutProblem;
import io.cardvault.checkout.entity.CheckoutSession;
import io.cardvault.checkout.entity.Delivery;
import io.cardvault.platform.control.JsonBodies;
import io.cardvault.platform.control.JsonFactories;
import io.cardvault.platform.control.MediaTypes;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.control.Authenticator;
import io.cardvault.tenants.control.TenantRegistry;
import io.cardvault.tenants.entity.Caller;
import io.cardvault.tenants.entity.Tenant;
import io.cardvault.tenants.entity.TenantProblem;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/checkout-sessions}: a merchant backend creates and reads its sessions (sk_). */
@Path("checkout-sessions")
@Tag(name = "Checkout sessions")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
public class CheckoutSessionsResource {

    static final int MAX_BODY = 16 * 1024;

    @Inject Authenticator auth;

    @Inject TenantRegistry tenants;

    @Inject CheckoutSessions sessions;

    @POST
    @Operation(summary = "Create a checkout session; the shopper pays on its url")
    public Response create(
            @HeaderParam("x-api-key") String apiKey,
            @HeaderParam("Content-Type") String contentType,
            InputStream body) {
        Caller caller = auth.secretKey(apiKey);
        MediaTypes.requireJson(contentType);
        JsonObject json = JsonBodies.parseObject(JsonBodies.readLimited(body, MAX_BODY));
        Tenant tenant =
                tenants.find(caller.tenantId())
                        .orElseThrow(
                                () ->
                                        new ProblemException(
                                                TenantProblem.UNAUTHENTICATED,
                                                "the tenant of this key no longer exists"));
        CheckoutSession s = sessions.create(tenant, json);
        return Response.created(URI.create("/api/v1/checkout-sessions/" + s.id()))
                .entity(sessions.json(s).toString())
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a checkout session (with tokenId and card once complete)")
    public String read(@HeaderParam("x-api-key") String apiKey, @PathParam("id") String id) {
        Caller caller = auth.secretKey(apiKey);
        return sessions.json(sessions.require(caller.tenantId(), id)).toString();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "Every callback delivery attempt of a session (time, status, duration)")
    public String deliveries(@HeaderParam("x-api-key") String apiKey, @PathParam("id") String id) {
        Caller caller = auth.secretKey(apiKey);
        CheckoutSession s = sessions.require(caller.tenantId(), id);
        JsonArrayBuilder events = JsonFactories.arrayBuilder();
        for (String[] e : sessions.events(s)) {
            events.add(
                    JsonFactories.objectBuilder()
                            .add("id", e[0])
                            .add("type", e[1])
                            .add("state", e[2])
                            .add("attempts", Integer.parseInt(e[3]))
                            .add(
                                    "nextAttemptAt",
                                    time(Instant.ofEpochMilli(Long.parseLong(e[4])))));
        }
        JsonArrayBuilder data = JsonFactories.arrayBuilder();
        for (Delivery d : sessions.deliveries(s)) {
            JsonObjectBuilder o =
                    JsonFactories.objectBuilder()
                            .add("eventId", d.eventId())
                            .add("type", d.type())
                            .add("attempt", d.attempt())
                            .add("attemptedAt", d.attemptedAt().toString())
                            .add("durationMs", d.durationMillis());
            d.status().ifPresentOrElse(st -> o.add("status", st), () -> o.addNull("status"));
            d.error().ifPresentOrElse(er -> o.add("error", er), () -> o.addNull("error"));
            data.add(o);
        }
        return JsonFactories.objectBuilder()
                .add("events", events)
                .add("data", data)
                .build()
                .toString();
    }

    /**
     * The hosted page completes its session with the token it just created. No API key: the session
     * id is the capability, the token must belong to the session's tenant and be newer than the
     * session, and the call must come from a page of cardvault's own origin.
     */
    @POST
    @Path("{id}/complete")
    @Operation(summary = "Complete a session with a token (called by the hosted page only)")
    public String complete(
            @PathParam("id") String id,
            @HeaderParam("Origin") String origin,
            @HeaderParam("Content-Type") String contentType,
            @Context UriInfo uriInfo,
            InputStream body) {
        if (origin == null || !origin.equals(ownOrigin(uriInfo.getBaseUri()))) {
            throw new ProblemException(
                    CheckoutProblem.NOT_THE_HOSTED_PAGE,
                    "only the session's hosted page can complete it");
        }
        MediaTypes.requireJson(contentType);
        JsonObject json = JsonBodies.parseObject(JsonBodies.readLimited(body, MAX_BODY));
        String tokenId = json.getString("tokenId", "");
        return sessions.json(sessions.complete(id, tokenId)).toString();
    }

    private static String ownOrigin(URI base) {
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
