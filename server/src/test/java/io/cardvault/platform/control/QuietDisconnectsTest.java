package io.cardvault.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class QuietDisconnectsTest {

    @Test
    void clientWentAway_ioFailureAnywhereInTheChain_true_otherFailures_false() {
        assertTrue(
                QuietDisconnects.clientWentAway(
                        new UncheckedIOException(new IOException("Connection is closed"))));
        assertTrue(
                QuietDisconnects.clientWentAway(
                        new IllegalStateException(new IOException("Broken pipe"))));
        assertFalse(QuietDisconnects.clientWentAway(new IllegalStateException("a real bug")));
        assertFalse(QuietDisconnects.clientWentAway(null));
    }
}
