package io.cardvault.demo.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cardvault.testing.Beans;
import io.cardvault.testing.TestVault;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The demo order book on H2 with the real migrations: insert, newest first, the limit. */
class DemoOrderStoreTest {

    @Test
    void insert_recent_newestFirst_limited() {
        DemoOrderStore store = Beans.set(new DemoOrderStore(), "jdbc", TestVault.jdbc());
        Instant t0 = Instant.parse("2030-01-01T10:00:00Z");
        store.insert(
                Optional.of("pay_a"),
                Optional.of("Jane Doe"),
                1999,
                "EUR",
                "approved",
                Optional.empty(),
                t0);
        store.insert(
                Optional.of("pay_b"),
                Optional.empty(),
                500,
                "EUR",
                "declined",
                Optional.of("insufficient_funds"),
                t0.plusSeconds(60));

        List<DemoOrderStore.Order> recent = store.recent(10);
        assertEquals(2, recent.size());
        DemoOrderStore.Order newest = recent.get(0);
        assertEquals(Optional.of("pay_b"), newest.transactionId());
        assertEquals(Optional.empty(), newest.customerName());
        assertEquals("declined", newest.status());
        assertEquals(Optional.of("insufficient_funds"), newest.reason());
        assertEquals(t0.plusSeconds(60), newest.createdAt());
        DemoOrderStore.Order older = recent.get(1);
        assertEquals(Optional.of("Jane Doe"), older.customerName());
        assertEquals(1999, older.amount());
        assertEquals("EUR", older.currency());
        assertEquals(1, store.recent(1).size());
    }
}
