package io.cardvault.forwarding.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.cardvault.forwarding.entity.RelayedResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayCvcMaskTest {

    private static RelayedResponse response(String body, String header) {
        return new RelayedResponse(
                200,
                Map.of("x-echo", List.of(header)),
                body.getBytes(StandardCharsets.UTF_8),
                "f1");
    }

    private static String body(RelayedResponse r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void mask_echoedCvcInBodyAndHeader_isGone() {
        RelayedResponse masked =
                ReplayCvcMask.mask(response("{\"cvc\":\"737\",\"ok\":true}", "cvc=737"), "737");
        assertEquals("{\"cvc\":\"***\",\"ok\":true}", body(masked));
        assertEquals(List.of("cvc=***"), masked.headers().get("x-echo"));
        assertEquals(List.of("true"), masked.headers().get(ReplayCvcMask.MARKER));
    }

    @Test
    void mask_cvcInsideLongerNumber_staysUntouched() {
        RelayedResponse r = response("{\"amount\":17370,\"id\":\"a7373\"}", "n");
        assertSame(r, ReplayCvcMask.mask(r, "737"));
    }

    @Test
    void mask_fullwidthDigits_areMasked() {
        RelayedResponse masked = ReplayCvcMask.mask(response("cvc ７３７.", "n"), "737");
        assertFalse(body(masked).contains("７３７"));
    }

    @Test
    void mask_fourDigitCvc_isMasked() {
        assertEquals("x ****", ReplayCvcMask.mask("x 1234", "1234"));
    }
}
