package io.cardvault.checkout.entity;

import io.cardvault.tenants.entity.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * A stored checkout session. Its status is {@link #statusAt}: an open row past its time is expired.
 */
public record CheckoutSession(
        CheckoutSessionId id,
        TenantId tenantId,
        NewSession request,
        SessionStatus storedStatus,
        Optional<String> tokenId,
        Optional<SessionCard> card,
        Instant createdAt,
        Instant expiresAt,
        Optional<Instant> completedAt) {

    public SessionStatus statusAt(Instant now) {
        return storedStatus == SessionStatus.OPEN && !now.isBefore(expiresAt)
                ? SessionStatus.EXPIRED
                : storedStatus;
    }
}
