package io.cardvault.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/**
 * The HTTP API lives under {@code /api/v1}. Jersey would resolve every relative {@code Location}
 * against cardvault's own base URI (JAX-RS {@code Response.location} semantics, JERSEY-2714); that
 * rewrote a destination's relative redirect relayed by the proxy onto cardvault's origin, so it is
 * switched off: a {@code Location} leaves exactly as the resource (or the destination) wrote it.
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "cardvault",
                        version = "1",
                        description =
                                "Card vault: tokenization, forwarding with card data injection, tenant administration."))
@SecuritySchemes({
    @SecurityScheme(
            securitySchemeName = "apiKey",
            type = SecuritySchemeType.APIKEY,
            in = SecuritySchemeIn.HEADER,
            apiKeyName = "x-api-key",
            description = "pk_ (tokenize only) or sk_ (everything) key of a tenant"),
    @SecurityScheme(
            securitySchemeName = "adminKey",
            type = SecuritySchemeType.APIKEY,
            in = SecuritySchemeIn.HEADER,
            apiKeyName = "x-admin-key",
            description = "operator key from cardvault.admin.key")
})
public class RestApplication extends Application {

    /** {@code ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED}. */
    static final String KEEP_RELATIVE_LOCATION =
            "jersey.config.server.headers.location.relative.resolution.disabled";

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(KEEP_RELATIVE_LOCATION, Boolean.TRUE);
    }
}
