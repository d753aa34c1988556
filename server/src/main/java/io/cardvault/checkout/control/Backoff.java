package io.cardvault.checkout.control;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: attempt n waits {@code base * 2^(n-1)}, capped, then scaled by a
 * random factor in [0.5, 1.0) so that many failed callbacks do not retry in lockstep.
 */
final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final DoubleSupplier random;

    Backoff(Duration base, Duration cap, DoubleSupplier random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The wait after the given failed attempt (1 for the first). */
    Duration after(int failedAttempts) {
        int exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long millis = base.toMillis() << exponent;
        if (millis <= 0 || millis > cap.toMillis()) {
            millis = cap.toMillis();
        }
        return Duration.ofMillis((long) (millis * (0.5 + random.getAsDouble() / 2)));
    }
}
