package io.cardvault.checkout.entity;

import java.time.Instant;
import java.util.Optional;

/**
 * One attempt to deliver a callback: when, the answer's status (none if no answer came), how long
 * it took, and cardvault's own reason when it failed without an answer. Never the body.
 */
public record Delivery(
        String eventId,
        String type,
        int attempt,
        Instant attemptedAt,
        Optional<Integer> status,
        long durationMillis,
        Optional<String> error) {}
