package io.cardvault.forwarding.boundary;

import io.cardvault.forwarding.control.Forwarder;
import io.cardvault.forwarding.entity.RelayedResponse;
import io.cardvault.platform.boundary.MarksOwnErrors;
import io.cardvault.tenants.control.Authenticator;
import io.cardvault.tenants.entity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code <METHOD> /api/v1/forward}: the compliance proxy. Secret keys only. Every error this
 * resource makes itself carries {@code x-cardvault-error: true}, so a merchant can tell it from the
 * destination's own 4xx/5xx, which are relayed unchanged.
 */
@Path("forward")
@MarksOwnErrors
@Tag(name = "Forwarding")
@SecurityRequirement(name = "apiKey")
@ApplicationScoped // one instance: nothing per request in fields (Jersey would build one per call)
public class ForwardResource {

    @Inject Authenticator auth;

    @Inject Forwarder forwarder;

    @Inject
    @ConfigProperty(name = "cardvault.forward.max-body", defaultValue = "1048576")
    int maxBody;

    @POST
    @Operation(summary = "Forward a POST with card data injected into placeholders")
    public Response post(@Context HttpHeaders headers, InputStream body) {
        return handle("POST", headers, body);
    }

    @PUT
    @Operation(summary = "Forward a PUT")
    public Response put(@Context HttpHeaders headers, InputStream body) {
        return handle("PUT", headers, body);
    }

    @PATCH
    @Operation(summary = "Forward a PATCH")
    public Response patch(@Context HttpHeaders headers, InputStream body) {
        return handle("PATCH", headers, body);
    }

    @GET
    @Operation(summary = "Forward a GET (placeholders in the query and headers)")
    public Response get(@Context HttpHeaders headers) {
        return handle("GET", headers, null);
    }

    @DELETE
    @Operation(summary = "Forward a DELETE")
    public Response delete(@Context HttpHeaders headers, InputStream body) {
        return handle("DELETE", headers, body);
    }

    private Response handle(String method, HttpHeaders httpHeaders, InputStream body) {
        Caller caller = auth.secretKey(httpHeaders.getHeaderString("x-api-key"));
        RelayedResponse relayed =
                forwarder.forward(caller, ForwardRequests.read(method, body, httpHeaders, maxBody));
        Response.ResponseBuilder b = Response.status(relayed.status());
        relayed.headers()
                .forEach(
                        (name, values) -> {
                            if (!name.equalsIgnoreCase("content-length")) {
                                values.forEach(v -> b.header(name, v));
                            }
                        });
        return b.header("x-cardvault-forward-id", relayed.forwardId())
                .entity(relayed.body())
                .build();
    }
}
