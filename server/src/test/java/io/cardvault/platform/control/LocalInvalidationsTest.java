package io.cardvault.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LocalInvalidationsTest {

    /** A clustered node's grid, as far as invalidations use it. */
    private static final class FakeGrid extends Grid {
        final List<String> sent = new ArrayList<>();
        Consumer<String> listener;
        boolean refuse;

        @Override
        public void broadcast(String name, String message) {
            sent.add(name + " " + message.replace('\0', '|'));
        }

        @Override
        public void listen(String name, Consumer<String> l) {
            if (refuse) {
                throw new IllegalStateException("grid refused the registration");
            }
            listener = l;
        }
    }

    private static LocalInvalidations on(FakeGrid grid) {
        LocalInvalidations inv = new LocalInvalidations();
        inv.grid = grid;
        inv.joinGrid();
        return inv;
    }

    @Test
    void clustered_publishGoesToTheGrid_andMessagesOfOthersReachTheCaches() {
        FakeGrid grid = new FakeGrid();
        LocalInvalidations inv = on(grid);
        List<String> dropped = new ArrayList<>();
        inv.subscribe("api-keys", dropped::add);

        inv.publish("api-keys", "sk_test_abc");
        grid.listener.accept("api-keys\0sk_test_def");
        grid.listener.accept("tenants\0t-1"); // another cache's message

        assertEquals(List.of("cardvault-invalidations api-keys|sk_test_abc"), grid.sent);
        assertEquals(List.of("sk_test_abc", "sk_test_def"), dropped);
        assertTrue(inv.reachesAllNodes());
    }

    @Test
    void subscriptionRefused_nodeStarts_butItsLookupsAreNotCached() {
        FakeGrid grid = new FakeGrid();
        grid.refuse = true;
        LocalInvalidations inv = on(grid);
        assertFalse(inv.reachesAllNodes(), "it would not hear a revocation on another node");

        LookupCache<String> cache = new LookupCache<>("api-keys", inv, Duration.ofSeconds(60), 100);
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            cache.get(
                    "sk_test_abc",
                    k -> {
                        loads.incrementAndGet();
                        return Optional.of("row");
                    });
        }
        assertEquals(3, loads.get(), "every lookup reads the database");
    }
}
