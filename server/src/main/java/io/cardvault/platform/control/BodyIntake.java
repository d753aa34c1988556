package io.cardvault.platform.control;

import java.io.ByteArrayOutputStream;
import java.time.Duration;

/**
 * The rules for reading one request body, without I/O: at most {@code maxBytes}; no gap longer than
 * {@code readTimeout} between two chunks; and once {@code readTimeout} has passed since the request
 * started, at least {@code minRate} bytes per second on average over the time after it. A body
 * trickling in (one byte every few seconds) is therefore cut about {@code readTimeout} after it
 * started, while a 1 MiB body at the minimum rate still gets in. Not thread-safe: the caller
 * serialises access.
 */
public final class BodyIntake {

    /** What the reader does next. */
    public enum Verdict {
        CONTINUE,
        TOO_SLOW,
        TOO_LARGE
    }

    private final long maxBytes;
    private final long readTimeoutNanos;
    private final long minBytesPerSecond;
    private final long startedNanos;
    private final ByteArrayOutputStream body;
    private long lastChunkNanos;

    public BodyIntake(
            long maxBytes,
            Duration readTimeout,
            long minBytesPerSecond,
            long declaredLength,
            long nowNanos) {
        this.maxBytes = maxBytes;
        this.readTimeoutNanos = readTimeout.toNanos();
        this.minBytesPerSecond = minBytesPerSecond;
        this.startedNanos = nowNanos;
        this.lastChunkNanos = nowNanos;
        this.body =
                new ByteArrayOutputStream(
                        (int) Math.max(0, Math.min(declaredLength, Math.min(maxBytes, 65536))));
    }

    /** Adds a chunk that just arrived. */
    public Verdict accept(byte[] chunk, int length, long nowNanos) {
        if (body.size() + (long) length > maxBytes) {
            return Verdict.TOO_LARGE;
        }
        body.write(chunk, 0, length);
        if (length > 0) {
            lastChunkNanos = nowNanos;
        }
        return Verdict.CONTINUE;
    }

    /** Whether the body is still arriving fast enough at {@code nowNanos}. */
    public Verdict check(long nowNanos) {
        if (nowNanos - lastChunkNanos > readTimeoutNanos) {
            return Verdict.TOO_SLOW;
        }
        long beyondGrace = nowNanos - startedNanos - readTimeoutNanos;
        if (beyondGrace > 0 && minBytesPerSecond > 0) {
            double required = minBytesPerSecond * (beyondGrace / 1e9);
            if (body.size() < required) {
                return Verdict.TOO_SLOW;
            }
        }
        return Verdict.CONTINUE;
    }

    public long received() {
        return body.size();
    }

    public byte[] bytes() {
        return body.toByteArray();
    }
}
