package io.cardvault.tenants.entity;

import java.time.Instant;
import java.util.Optional;

/** What may be shown about a stored key: its prefix and state, never the key. */
public record ApiKeyInfo(
        String prefix, KeyKind kind, Instant createdAt, Optional<Instant> revokedAt) {}
