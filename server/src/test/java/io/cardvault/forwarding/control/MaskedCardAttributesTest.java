package io.cardvault.forwarding.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cardvault.forwarding.placeholder.PlaceholderEngine;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MaskedCardAttributesTest {

    private final MaskedCardAttributes masked =
            new MaskedCardAttributes("411111", "1111", true, true);

    @Test
    void render_json_showsBinLast4AndStars() {
        String body =
                "{\"n\":\"{{ number }}\",\"c\":\"{{ cvc }}\",\"e\":\"{{ expiryMonth | pad(2) }}/{{ expiryYear | tail(2) }}\","
                        + "\"l\":\"{{ number | tail(4) }}\",\"b\":\"{{ brand }}\"}";
        byte[] out =
                new PlaceholderEngine()
                        .renderBody(
                                body.getBytes(StandardCharsets.UTF_8), "application/json", masked);
        assertEquals(
                "{\"n\":\"411111******1111\",\"c\":\"***\",\"e\":\"***/**\",\"l\":\"1111\",\"b\":\"***\"}",
                new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void cvc_absent_isEmpty_soTheForwardsProblemApplies() {
        assertEquals(
                Optional.empty(), new MaskedCardAttributes("411111", "1111", false, true).cvc());
    }

    @Test
    void toString_isMasked() {
        assertEquals("MaskedCardAttributes[411111******1111]", masked.toString());
        assertFalse(masked.toString().contains("***1111111"));
    }
}
