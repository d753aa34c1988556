package io.cardvault.forwarding.boundary;

import io.cardvault.forwarding.control.AuditLog;
import io.cardvault.platform.control.JsonFactories;
import io.cardvault.platform.entity.CommonProblem;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.control.Authenticator;
import io.cardvault.tenants.entity.Caller;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/audit?limit=n} (secret key): the caller's own forward audit trail, newest
 * first, at most 100 rows. Exactly what the audit table holds: no bodies, no header values, no
 * query strings.
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Forwarding")
@SecurityRequirement(name = "apiKey")
public class AuditResource {

    static final int MAX_LIMIT = 100;

    @Inject Authenticator auth;

    @Inject AuditLog audit;

    @GET
    @Operation(summary = "The tenant's forward audit trail, newest first (secret key)")
    public String recent(
            @HeaderParam("x-api-key") String apiKey, @QueryParam("limit") String limitParam) {
        Caller caller = auth.secretKey(apiKey);
        int limit = limit(limitParam);
        JsonArrayBuilder data = JsonFactories.arrayBuilder();
        for (AuditLog.Entry e : audit.recent(caller.tenantId(), limit)) {
            JsonObjectBuilder o =
                    JsonFactories.objectBuilder()
                            .add("forwardId", e.forwardId())
                            .add("tokenId", e.tokenId())
                            .add("method", e.method())
                            .add("status", e.status())
                            .add("durationMs", e.durationMillis())
                            .add("preview", e.preview())
                            .add("createdAt", Instant.ofEpochMilli(e.createdAt()).toString());
            addNullable(o, "host", e.host());
            addNullable(o, "path", e.path());
            addNullable(o, "errorCode", e.errorCode());
            data.add(o);
        }
        return JsonFactories.objectBuilder().add("data", data).build().toString();
    }

    private static void addNullable(JsonObjectBuilder o, String name, String value) {
        if (value == null) {
            o.addNull(name);
        } else {
            o.add(name, value);
        }
    }

    private static int limit(String param) {
        if (param == null || param.isBlank()) {
            return 20;
        }
        try {
            int n = Integer.parseInt(param.strip());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ProblemException(
                CommonProblem.MALFORMED_REQUEST,
                "limit must be a whole number from 1 to " + MAX_LIMIT);
    }
}
