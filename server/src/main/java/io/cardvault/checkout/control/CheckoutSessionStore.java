package io.cardvault.checkout.control;

import io.cardvault.checkout.entity.CheckoutSession;
import io.cardvault.checkout.entity.CheckoutSessionId;
import io.cardvault.checkout.entity.NewSession;
import io.cardvault.checkout.entity.SessionCard;
import io.cardvault.checkout.entity.SessionStatus;
import io.cardvault.platform.control.Jdbc;
import io.cardvault.tenants.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** The table {@code checkout_sessions}. Completion is one conditional UPDATE: it wins once. */
@ApplicationScoped
public class CheckoutSessionStore {

    @Inject Jdbc jdbc;

    void insert(CheckoutSession s) {
        NewSession r = s.request();
        jdbc.update(
                "insert into checkout_sessions (id, tenant_id, amount, currency, description, reference,"
                        + " success_url, cancel_url, callback_url, status, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.id().value(),
                s.tenantId().value(),
                r.amount(),
                r.currency(),
                r.description().orElse(null),
                r.reference().orElse(null),
                r.successUrl(),
                r.cancelUrl(),
                r.callbackUrl().orElse(null),
                SessionStatus.OPEN.json(),
                s.createdAt().toEpochMilli(),
                s.expiresAt().toEpochMilli());
    }

    /** Any tenant's session: the hosted page knows the session by its id alone. */
    Optional<CheckoutSession> find(CheckoutSessionId id) {
        return jdbc.queryOne(
                "select * from checkout_sessions where id = ?",
                CheckoutSessionStore::row,
                id.value());
    }

    /**
     * Marks an open, unexpired session complete with this token; true for exactly one caller,
     * however many try at the same moment.
     */
    boolean complete(CheckoutSessionId id, String tokenId, SessionCard card, Instant now) {
        return jdbc.update(
                        "update checkout_sessions set status = ?, token_id = ?, card_brand = ?, card_last4 = ?,"
                                + " card_expiry_month = ?, card_expiry_year = ?, completed_at = ?"
                                + " where id = ? and status = ? and expires_at > ?",
                        SessionStatus.COMPLETE.json(),
                        tokenId,
                        card.brand(),
                        card.last4(),
                        card.expiryMonth(),
                        card.expiryYear(),
                        now.toEpochMilli(),
                        id.value(),
                        SessionStatus.OPEN.json(),
                        now.toEpochMilli())
                == 1;
    }

    private static CheckoutSession row(ResultSet rs) throws SQLException {
        String token = rs.getString("token_id");
        Optional<SessionCard> card =
                rs.getString("card_brand") == null
                        ? Optional.empty()
                        : Optional.of(
                                new SessionCard(
                                        rs.getString("card_brand"),
                                        rs.getString("card_last4"),
                                        rs.getInt("card_expiry_month"),
                                        rs.getInt("card_expiry_year")));
        long completed = rs.getLong("completed_at");
        boolean hasCompleted = !rs.wasNull();
        return new CheckoutSession(
                new CheckoutSessionId(rs.getString("id")),
                new TenantId(rs.getString("tenant_id")),
                new NewSession(
                        rs.getLong("amount"),
                        rs.getString("currency"),
                        Optional.ofNullable(rs.getString("description")),
                        Optional.ofNullable(rs.getString("reference")),
                        rs.getString("success_url"),
                        rs.getString("cancel_url"),
                        Optional.ofNullable(rs.getString("callback_url"))),
                SessionStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                Optional.ofNullable(token),
                card,
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("expires_at")),
                hasCompleted ? Optional.of(Instant.ofEpochMilli(completed)) : Optional.empty());
    }
}
