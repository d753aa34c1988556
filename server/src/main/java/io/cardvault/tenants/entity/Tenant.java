package io.cardvault.tenants.entity;

import io.cardvault.egress.entity.DestinationPattern;
import java.time.Instant;
import java.util.List;

/**
 * A merchant. Origins may frame the hosted fields; destinations are where forwards may go, kept as
 * the text the merchant gave and parsed once, when the tenant is built, for every forward to use.
 * Font stylesheets are the web-font CSS URLs the hosted fields may load (their CSP follows them).
 */
public record Tenant(
        TenantId id,
        String name,
        List<String> allowedOrigins,
        List<String> allowedDestinations,
        List<DestinationPattern> destinationPatterns,
        List<String> fontStylesheets,
        Instant createdAt) {

    public Tenant {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedDestinations = List.copyOf(allowedDestinations);
        destinationPatterns = List.copyOf(destinationPatterns);
        fontStylesheets = List.copyOf(fontStylesheets);
    }

    public Tenant(
            TenantId id,
            String name,
            List<String> allowedOrigins,
            List<String> allowedDestinations,
            List<String> fontStylesheets,
            Instant createdAt) {
        this(
                id,
                name,
                allowedOrigins,
                allowedDestinations,
                DestinationPattern.parseValid(allowedDestinations),
                fontStylesheets,
                createdAt);
    }

    /** A tenant without font stylesheets. */
    public Tenant(
            TenantId id,
            String name,
            List<String> allowedOrigins,
            List<String> allowedDestinations,
            Instant createdAt) {
        this(id, name, allowedOrigins, allowedDestinations, List.of(), createdAt);
    }

    /**
     * The same tenant with other settings (font stylesheets kept); the patterns are parsed again.
     */
    public Tenant with(String newName, List<String> origins, List<String> destinations) {
        return new Tenant(id, newName, origins, destinations, fontStylesheets, createdAt);
    }

    /** The same tenant with other font stylesheets. */
    public Tenant withFontStylesheets(List<String> stylesheets) {
        return new Tenant(id, name, allowedOrigins, allowedDestinations, stylesheets, createdAt);
    }
}
