package io.cardvault.platform.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BodyIntakeTest {

    private static final long S = 1_000_000_000L;

    private static BodyIntake intake(long max) {
        return new BodyIntake(max, Duration.ofSeconds(10), 1024, 100_000, 0);
    }

    @Test
    void check_oneByteEveryThreeSeconds_cutJustAfterTheReadTimeout() {
        BodyIntake in = intake(1 << 20);
        byte[] one = {'{'};
        long t = 0;
        BodyIntake.Verdict v = BodyIntake.Verdict.CONTINUE;
        while (v == BodyIntake.Verdict.CONTINUE && t < 60 * S) {
            if (t % (3 * S) == 0) {
                in.accept(one, 1, t);
            }
            t += S / 4;
            v = in.check(t);
        }
        assertEquals(BodyIntake.Verdict.TOO_SLOW, v);
        assertEquals(10.25 * S, t, 0.5 * S);
    }

    @Test
    void check_noDataForLongerThanTheReadTimeout_tooSlow() {
        BodyIntake in = intake(1 << 20);
        in.accept(new byte[5000], 5000, S);
        assertEquals(BodyIntake.Verdict.CONTINUE, in.check(10 * S));
        assertEquals(BodyIntake.Verdict.TOO_SLOW, in.check(11 * S + 1));
    }

    @Test
    void check_oneMebibyteAtTheMinimumRate_isAccepted() {
        BodyIntake in = intake(1 << 20);
        byte[] kib = new byte[1024];
        for (int second = 1; second <= 1024; second++) {
            assertEquals(BodyIntake.Verdict.CONTINUE, in.accept(kib, 1024, second * S));
            assertEquals(BodyIntake.Verdict.CONTINUE, in.check(second * S + S / 2), "s " + second);
        }
        assertEquals(1 << 20, in.received());
    }

    @Test
    void accept_overTheCap_tooLarge_andBytesAreKeptInOrder() {
        BodyIntake in = intake(4);
        assertEquals(BodyIntake.Verdict.CONTINUE, in.accept(new byte[] {1, 2, 3}, 3, 0));
        assertEquals(BodyIntake.Verdict.CONTINUE, in.accept(new byte[] {4, 9}, 1, 0));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, in.bytes());
        assertEquals(BodyIntake.Verdict.TOO_LARGE, in.accept(new byte[] {5}, 1, 0));
    }
}
