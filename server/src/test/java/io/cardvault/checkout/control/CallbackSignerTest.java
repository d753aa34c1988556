package io.cardvault.checkout.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallbackSignerTest {

    /** Known answer: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test */
    @Test
    void header_knownAnswer() {
        assertEquals(
                "t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789",
                CallbackSigner.header("whsec_test", 1700000000L, "{\"a\":1}"));
    }

    @Test
    void backoff_doublesWithJitter_andIsCapped() {
        Backoff low = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), () -> 0.0);
        Backoff high = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), () -> 0.999);
        assertEquals(Duration.ofSeconds(5), low.after(1));
        assertEquals(Duration.ofSeconds(10), low.after(2));
        assertEquals(Duration.ofSeconds(20), low.after(3));
        assertTrue(high.after(3).compareTo(Duration.ofSeconds(40)) < 0);
        assertEquals(Duration.ofMinutes(30), low.after(40));
    }
}
