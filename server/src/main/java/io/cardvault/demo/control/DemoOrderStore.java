package io.cardvault.demo.control;

import io.cardvault.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code demo_orders} table: the demo merchant's own order book (transaction id, customer name,
 * amount, time, outcome). It never holds card data or a token. The only SQL for demo orders.
 */
@ApplicationScoped
public class DemoOrderStore {

    /** How many orders {@link #recent} returns at most. */
    public static final int MAX_RECENT = 50;

    /** One order; {@code status} is {@code approved}, {@code declined} or {@code failed}. */
    public record Order(
            String id,
            Optional<String> transactionId,
            Optional<String> customerName,
            long amount,
            String currency,
            String status,
            Optional<String> reason,
            Instant createdAt) {}

    @Inject Jdbc jdbc;

    /** Stores a new order and returns it with its generated id. */
    public Order insert(
            Optional<String> transactionId,
            Optional<String> customerName,
            long amount,
            String currency,
            String status,
            Optional<String> reason,
            Instant createdAt) {
        Order o =
                new Order(
                        UUID.randomUUID().toString(),
                        transactionId,
                        customerName,
                        amount,
                        currency,
                        status,
                        reason,
                        createdAt);
        jdbc.update(
                "insert into demo_orders (id, transaction_id, customer_name, amount, currency, status, reason, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                o.id(),
                o.transactionId().orElse(null),
                o.customerName().orElse(null),
                o.amount(),
                o.currency(),
                o.status(),
                o.reason().orElse(null),
                o.createdAt().toEpochMilli());
        return o;
    }

    /** The newest orders first, at most {@code limit} (capped at {@link #MAX_RECENT}). */
    public List<Order> recent(int limit) {
        int n = Math.max(1, Math.min(limit, MAX_RECENT));
        return jdbc.query(
                "select * from demo_orders order by created_at desc, id desc limit " + n,
                DemoOrderStore::order);
    }

    private static Order order(ResultSet rs) throws SQLException {
        return new Order(
                rs.getString("id"),
                Optional.ofNullable(rs.getString("transaction_id")),
                Optional.ofNullable(rs.getString("customer_name")),
                rs.getLong("amount"),
                rs.getString("currency"),
                rs.getString("status"),
                Optional.ofNullable(rs.getString("reason")),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
