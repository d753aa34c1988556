package io.cardvault.checkout.control;

import io.cardvault.checkout.entity.CheckoutSessionId;
import io.cardvault.checkout.entity.Delivery;
import io.cardvault.platform.control.Jdbc;
import io.cardvault.tenants.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tables {@code checkout_events} (the outbox) and {@code checkout_deliveries} (every attempt).
 * An event is {@code pending} until a 2xx answer ({@code delivered}) or until its 24 hours are over
 * ({@code failed}).
 */
@ApplicationScoped
public class CallbackOutbox {

    public static final Duration RETRY_WINDOW = Duration.ofHours(24);

    /** An event due for delivery. */
    public record Event(
            String id,
            CheckoutSessionId sessionId,
            TenantId tenantId,
            String type,
            String payload,
            String callbackUrl,
            int attempts,
            Instant giveUpAt) {

        @Override
        public String toString() {
            return "Event[" + id + ", " + type + ", attempt " + attempts + "]";
        }
    }

    @Inject Jdbc jdbc;

    /** Adds an event; call inside the transaction that made it happen. */
    void add(
            CheckoutSessionId sessionId,
            TenantId tenantId,
            String type,
            String payload,
            String callbackUrl,
            Instant now) {
        String id = UUID.randomUUID().toString();
        jdbc.update(
                "insert into checkout_events (id, session_id, tenant_id, seq, type, payload, callback_url, state,"
                        + " attempts, next_attempt_at, give_up_at, created_at) values (?, ?, ?,"
                        + " (select coalesce(max(e.seq), 0) + 1 from checkout_events e where e.session_id = ?),"
                        + " ?, ?, ?, 'pending', 0, ?, ?, ?)",
                id,
                sessionId.value(),
                tenantId.value(),
                sessionId.value(),
                type,
                payload,
                callbackUrl,
                now.toEpochMilli(),
                now.plus(RETRY_WINDOW).toEpochMilli(),
                now.toEpochMilli());
    }

    /**
     * Pending events that are due, oldest first, each only when no earlier event of its session is
     * still pending (order per session).
     */
    List<Event> due(Instant now, int limit) {
        return jdbc.query(
                "select * from checkout_events e where e.state = 'pending' and e.next_attempt_at <= ?"
                        + " and not exists (select 1 from checkout_events p where p.session_id = e.session_id"
                        + " and p.seq < e.seq and p.state = 'pending')"
                        + " order by e.next_attempt_at, e.created_at limit "
                        + Math.max(1, Math.min(limit, 100)),
                rs ->
                        new Event(
                                rs.getString("id"),
                                new CheckoutSessionId(rs.getString("session_id")),
                                new TenantId(rs.getString("tenant_id")),
                                rs.getString("type"),
                                rs.getString("payload"),
                                rs.getString("callback_url"),
                                rs.getInt("attempts"),
                                Instant.ofEpochMilli(rs.getLong("give_up_at"))),
                now.toEpochMilli());
    }

    /** Records the attempt and moves the event on, in one transaction. */
    void recorded(Event e, Delivery d, boolean delivered, Optional<Instant> retryAt) {
        jdbc.inTransaction(
                () -> {
                    jdbc.update(
                            "insert into checkout_deliveries (id, event_id, session_id, attempt, attempted_at,"
                                    + " status, duration_ms, error) values (?, ?, ?, ?, ?, ?, ?, ?)",
                            UUID.randomUUID().toString(),
                            e.id(),
                            e.sessionId().value(),
                            d.attempt(),
                            d.attemptedAt().toEpochMilli(),
                            d.status().orElse(null),
                            d.durationMillis(),
                            d.error().orElse(null));
                    String state =
                            delivered ? "delivered" : retryAt.isPresent() ? "pending" : "failed";
                    jdbc.update(
                            "update checkout_events set state = ?, attempts = ?, next_attempt_at = ?,"
                                    + " delivered_at = ? where id = ?",
                            state,
                            d.attempt(),
                            retryAt.orElse(d.attemptedAt()).toEpochMilli(),
                            delivered ? d.attemptedAt().toEpochMilli() : null,
                            e.id());
                });
    }

    List<Delivery> deliveries(CheckoutSessionId sessionId) {
        return jdbc.query(
                "select d.*, e.type from checkout_deliveries d join checkout_events e on e.id = d.event_id"
                        + " where d.session_id = ? order by d.attempted_at, d.attempt",
                rs -> {
                    int status = rs.getInt("status");
                    Optional<Integer> answered =
                            rs.wasNull() ? Optional.empty() : Optional.of(status);
                    return new Delivery(
                            rs.getString("event_id"),
                            rs.getString("type"),
                            rs.getInt("attempt"),
                            Instant.ofEpochMilli(rs.getLong("attempted_at")),
                            answered,
                            rs.getLong("duration_ms"),
                            Optional.ofNullable(rs.getString("error")));
                },
                sessionId.value());
    }

    /** Event states of a session, for the deliveries view: id, type, state, attempts. */
    List<String[]> events(CheckoutSessionId sessionId) {
        return jdbc.query(
                "select id, type, state, attempts, next_attempt_at from checkout_events where session_id = ? order by seq",
                rs ->
                        new String[] {
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            Integer.toString(rs.getInt(4)),
                            Long.toString(rs.getLong(5))
                        },
                sessionId.value());
    }
}
