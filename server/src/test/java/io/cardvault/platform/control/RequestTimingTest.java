package io.cardvault.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestTimingTest {

    final List<String> recorded = new ArrayList<>();
    final RequestTiming timing =
            new RequestTiming(
                    100,
                    (name, tags) ->
                            nanos -> recorded.add(name + " " + nanos + " " + List.of(tags)));

    @Test
    void finish_withoutTimer_recordsNothing() {
        assertFalse(timing.finish(500));
        assertEquals(List.of(), recorded);
    }

    @Test
    void finish_lastMeasureAsWins_recordedOnce() {
        timing.measureAs("cardvault_forwards", "host", "none", "status", "4xx");
        timing.measureAs("cardvault_forwards", "host", "psp.example", "status", "2xx");
        assertTrue(timing.finish(350));
        assertFalse(timing.finish(900));
        assertEquals(List.of("cardvault_forwards 250 [host, psp.example, status, 2xx]"), recorded);
    }

    @Test
    void recordRequest_insideARequest_defersToTheRequestsClock() {
        RequestTiming previous = RequestTiming.enter(timing);
        try {
            assertSame(timing, RequestTiming.current().orElseThrow());
            Counters.recordRequest("cardvault_tokenizations", 90, "status", "2xx");
        } finally {
            RequestTiming.leave(previous);
        }
        assertTrue(RequestTiming.current().isEmpty());
        assertEquals(List.of(), recorded, "recorded at completion, not when the resource ends");
        timing.finish(1_100);
        assertEquals(List.of("cardvault_tokenizations 1000 [status, 2xx]"), recorded);
    }
}
