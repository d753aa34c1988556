package io.cardvault.tenants.entity;

import io.cardvault.egress.entity.DestinationPattern;
import java.time.Instant;
import java.util.List;

/**
 * A merchant. Origins may frame the hosted fields; destinations are where forwards may go, kept as
 * the text the merchant gave and parsed once, when the tenant is built, for every forward to use.
 */
public record Tenant(
        TenantId id,
        String name,
        List<String> allowedOrigins,
        List<String> allowedDestinations,
        List<DestinationPattern> destinationPatterns,
        Instant createdAt) {

    public Tenant {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedDestinations = List.copyOf(allowedDestinations);
        destinationPatterns = List.copyOf(destinationPatterns);
    }

    public Tenant(
            TenantId id,
            String name,
            List<String> allowedOrigins,
            List<String> allowedDestinations,
            Instant createdAt) {
        this(
                id,
                name,
                allowedOrigins,
                allowedDestinations,
                DestinationPattern.parseValid(allowedDestinations),
                createdAt);
    }

    /** The same tenant with other settings; the patterns are parsed again. */
    public Tenant with(String newName, List<String> origins, List<String> destinations) {
        return new Tenant(id, newName, origins, destinations, createdAt);
    }
}
