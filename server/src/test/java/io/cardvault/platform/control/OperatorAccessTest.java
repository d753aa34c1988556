package io.cardvault.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperatorAccessTest {

    private static final List<TransportPolicy.Cidr> LOOPBACK =
            OperatorAccess.parse("127.0.0.0/8,::1");

    @Test
    void allowed_defaultNetworks_loopbackOnly() {
        assertTrue(
                OperatorAccess.allowed(LOOPBACK, Optional.empty(), "127.0.0.1", false, null, null));
        assertTrue(
                OperatorAccess.allowed(
                        LOOPBACK, Optional.empty(), "0:0:0:0:0:0:0:1", false, null, null));
        assertFalse(
                OperatorAccess.allowed(
                        LOOPBACK, Optional.empty(), "203.0.113.9", false, null, null));
        assertFalse(
                OperatorAccess.allowed(LOOPBACK, Optional.empty(), "10.0.0.1", false, null, null));
    }

    @Test
    void allowed_throughAProxy_neverByAddress() {
        assertFalse(
                OperatorAccess.allowed(LOOPBACK, Optional.empty(), "127.0.0.1", true, null, null));
    }

    @Test
    void allowed_withKey_bearerOrHeader_fromAnywhere_wrongKeyRefused() {
        Optional<String> key = Optional.of("metrics-key-0123456789");
        List<TransportPolicy.Cidr> none = OperatorAccess.parse("none");
        assertTrue(
                OperatorAccess.allowed(
                        none, key, "203.0.113.9", true, "Bearer metrics-key-0123456789", null));
        assertTrue(
                OperatorAccess.allowed(
                        none, key, "203.0.113.9", false, null, "metrics-key-0123456789"));
        assertFalse(
                OperatorAccess.allowed(
                        none, key, "203.0.113.9", false, "Bearer metrics-key-012345678", null));
        assertFalse(OperatorAccess.allowed(none, key, "127.0.0.1", false, null, null));
        assertFalse(
                OperatorAccess.allowed(
                        none, Optional.of(" "), "203.0.113.9", false, "Bearer  ", null));
    }

    @Test
    void parse_notAnAddress_failsNamingTheSetting() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class, () -> OperatorAccess.parse("ops.example"));
        assertTrue(e.getMessage().contains("cardvault.metrics.networks"));
    }
}
