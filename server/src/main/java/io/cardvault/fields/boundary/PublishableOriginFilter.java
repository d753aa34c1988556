package io.cardvault.fields.boundary;

import io.cardvault.fields.control.BrowserOrigins;
import io.cardvault.fields.entity.FieldsProblem;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.control.TenantRegistry;
import io.cardvault.tenants.entity.Caller;
import io.cardvault.tenants.entity.KeyKind;
import io.cardvault.tenants.entity.Tenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A publishable key used from a browser ({@code Origin} present) on the card-collecting endpoints
 * ({@code POST /tokens}, {@code POST /tokens/{id}/cvc}) must come from cardvault's own origin or
 * one of the tenant's allowed origins, else {@code 403 origin-not-allowed}: a pk copied from a
 * shop's page cannot power a card-testing page elsewhere. Unknown keys are left to the resource
 * (401); secret keys are server-side and not judged by origin.
 */
@Provider
public class PublishableOriginFilter implements ContainerRequestFilter {

    private static final Pattern CARD_PATHS = Pattern.compile("/?tokens(/[^/]+/cvc)?/?");

    @Inject TenantRegistry registry;

    @Inject
    @ConfigProperty(name = "cardvault.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        String key = request.getHeaderString("x-api-key");
        if (origin == null
                || key == null
                || !key.startsWith(KeyKind.PUBLISHABLE.prefix())
                || !"POST".equals(request.getMethod())
                || !CARD_PATHS.matcher(request.getUriInfo().getPath()).matches()) {
            return;
        }
        Optional<Tenant> tenant =
                registry.authenticate(key)
                        .filter(c -> c.kind() == KeyKind.PUBLISHABLE)
                        .map(Caller::tenantId)
                        .flatMap(registry::find);
        List<String> origins = tenant.map(Tenant::allowedOrigins).orElse(null);
        // cardvault's own origin is the public URL and, for the iframe that posts back to the
        // server that served it, the origin this request was addressed to (same-origin)
        java.net.URI base = request.getUriInfo().getBaseUri();
        String self = base.getScheme() + "://" + base.getRawAuthority();
        if (origins != null
                && !BrowserOrigins.allowed(origin, publicUrl, origins)
                && !BrowserOrigins.allowed(origin, self, List.of())) {
            throw new ProblemException(
                    FieldsProblem.ORIGIN_NOT_ALLOWED,
                    "this publishable key may only be used from cardvault's own pages or the"
                            + " tenant's allowedOrigins");
        }
    }
}
