package io.cardvault.platform.control;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * The clock of one HTTP request, from the moment it reached the container (the bundle's Grizzly
 * stamp, else its entry into the first filter) until its response is complete (after the last async
 * dispatch for a body read without blocking). A feature says which timer the request belongs to
 * ({@link #measureAs}, usually through {@link Counters#recordRequest}); the edge filter records it
 * once, at completion, so that the latency in {@code /metrics} covers what a client waits for
 * inside the server: filters, body intake, JAX-RS, the resource and the writing of the answer.
 *
 * <p>Tags are the feature's closed sets (status class, an allowed destination host): never card
 * data, token ids or keys.
 */
public final class RequestTiming {

    /**
     * The timer of a name and tags ({@link Counters#timer} in the server). Looked up when the
     * feature names it, on the request's own thread: the container completes async requests on a
     * thread without the application's context, where Payara's metric registry cannot be found.
     */
    @FunctionalInterface
    public interface Timers {
        LongConsumer timer(String name, String... tags);
    }

    private static final ThreadLocal<RequestTiming> CURRENT = new ThreadLocal<>();

    private final long startedNanos;
    private final Timers timers;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile LongConsumer timer;

    public RequestTiming(long startedNanos, Timers timers) {
        this.startedNanos = startedNanos;
        this.timers = timers;
    }

    /** The request the calling thread is serving, if the edge filter measures it. */
    public static Optional<RequestTiming> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Makes {@code timing} current on this thread; returns what was current before. */
    public static RequestTiming enter(RequestTiming timing) {
        RequestTiming previous = CURRENT.get();
        CURRENT.set(timing);
        return previous;
    }

    /** Restores what {@link #enter} returned. */
    public static void leave(RequestTiming previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /**
     * This request is one observation of timer {@code name} with {@code tags} (name/value pairs);
     * the last call before completion wins (the tags are known only at the end of the work).
     */
    public void measureAs(String name, String... tags) {
        timer = timers.timer(name, tags);
    }

    public long startedNanos() {
        return startedNanos;
    }

    /**
     * The response is complete: records the request's time under its timer, once. Returns whether
     * it recorded (false without a timer, or when already finished).
     */
    public boolean finish(long nowNanos) {
        LongConsumer t = timer;
        if (t == null || !finished.compareAndSet(false, true)) {
            return false;
        }
        t.accept(nowNanos - startedNanos);
        return true;
    }
}
