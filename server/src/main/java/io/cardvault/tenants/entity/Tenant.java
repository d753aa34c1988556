package io.cardvault.tenants.entity;

import java.time.Instant;
import java.util.List;

/** A merchant. Origins may frame the hosted fields; destinations are where forwards may go. */
public record Tenant(
        String id,
        String name,
        List<String> allowedOrigins,
        List<String> allowedDestinations,
        Instant createdAt) {

    public Tenant {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedDestinations = List.copyOf(allowedDestinations);
    }
}
