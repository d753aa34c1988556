package io.cardvault.forwarding.boundary;

import io.cardvault.forwarding.control.ForwardPreview;
import io.cardvault.forwarding.entity.ForwardPreviewResult;
import io.cardvault.forwarding.placeholder.PlaceholderLocation;
import io.cardvault.platform.boundary.MarksOwnErrors;
import io.cardvault.platform.control.JsonFactories;
import io.cardvault.tenants.control.Authenticator;
import io.cardvault.tenants.entity.Caller;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code <METHOD> /api/v1/forward/preview}: exactly the headers and body of a forward, answered
 * with what the forward would send (card values masked) instead of sending it. Secret keys only.
 */
@Path("forward/preview")
@MarksOwnErrors
@Tag(name = "Forwarding")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
public class ForwardPreviewResource {

    @Inject Authenticator auth;

    @Inject ForwardPreview previews;

    @Inject
    @ConfigProperty(name = "cardvault.forward.max-body", defaultValue = "1048576")
    int maxBody;

    @Context HttpHeaders httpHeaders;

    @POST
    @Operation(summary = "Preview a POST forward: the rewritten request, masked; nothing is sent")
    public Response post(InputStream body) {
        return handle("POST", body);
    }

    @PUT
    @Operation(summary = "Preview a PUT forward")
    public Response put(InputStream body) {
        return handle("PUT", body);
    }

    @PATCH
    @Operation(summary = "Preview a PATCH forward")
    public Response patch(InputStream body) {
        return handle("PATCH", body);
    }

    @GET
    @Operation(summary = "Preview a GET forward")
    public Response get() {
        return handle("GET", null);
    }

    @DELETE
    @Operation(summary = "Preview a DELETE forward")
    public Response delete(InputStream body) {
        return handle("DELETE", body);
    }

    private Response handle(String method, InputStream body) {
        Caller caller = auth.secretKey(httpHeaders.getHeaderString("x-api-key"));
        ForwardPreviewResult result =
                previews.preview(caller, ForwardRequests.read(method, body, httpHeaders, maxBody));
        return Response.ok(json(result).build().toString(), MediaType.APPLICATION_JSON)
                .header("x-cardvault-forward-id", result.forwardId())
                .build();
    }

    static JsonObjectBuilder json(ForwardPreviewResult r) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        r.headers()
                .forEach(
                        h ->
                                grouped.computeIfAbsent(
                                                h.getKey().toLowerCase(Locale.ROOT),
                                                k -> new java.util.ArrayList<>())
                                        .add(h.getValue()));
        JsonObjectBuilder headers = JsonFactories.objectBuilder();
        grouped.forEach(
                (name, values) -> {
                    if (values.size() == 1) {
                        headers.add(name, values.get(0));
                    } else {
                        headers.add(name, JsonFactories.arrayBuilder(values));
                    }
                });
        JsonObjectBuilder request =
                JsonFactories.objectBuilder().add("method", r.method()).add("headers", headers);
        String text = utf8(r.body());
        if (text != null) {
            request.add("body", text);
        } else {
            request.add("body", Base64.getEncoder().encodeToString(r.body()))
                    .add("bodyEncoding", "base64");
        }
        JsonArrayBuilder placeholders = JsonFactories.arrayBuilder();
        for (PlaceholderLocation p : r.placeholders()) {
            placeholders.add(
                    JsonFactories.objectBuilder()
                            .add("expression", p.expression())
                            .add("location", p.location()));
        }
        return JsonFactories.objectBuilder()
                .add("allowed", true)
                .add(
                        "destination",
                        JsonFactories.objectBuilder()
                                .add("url", r.url())
                                .add("address", r.address()))
                .add("request", request)
                .add("placeholders", placeholders);
    }

    /** The body as text, or null when it is not UTF-8 (then it is shown as base64). */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
