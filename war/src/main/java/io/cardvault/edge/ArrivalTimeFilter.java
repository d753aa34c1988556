package io.cardvault.edge;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;

/**
 * Stamps each request with the moment its head became readable: the request attribute {@link
 * #ATTRIBUTE}, a {@link Long} of {@link System#nanoTime()}. That is when the connection's selector
 * found the read that completed the head ({@link ReadReadyProbe}), or, without such a note, when
 * Grizzly has parsed the head. The application's first filter starts the request's clock there
 * instead of at its own entry, so the latency timers in {@code /metrics} also hold Grizzly's
 * hand-over to a worker thread, the read and parse, and the container's part of the request
 * (mapping, valves), as a client sees it. Set once per request: the first chunk of a request
 * carries its head; a body's later chunks leave it alone.
 */
public final class ArrivalTimeFilter extends BaseFilter {

    /**
     * The request attribute; the same string as {@code
     * io.cardvault.platform.boundary.RequestTimingFilter.ARRIVAL_ATTRIBUTE}.
     */
    public static final String ATTRIBUTE = "io.cardvault.edge.arrivedNanos";

    /** A selector's note older than this is not this read's (never expected): now instead. */
    static final long MAX_READY_AGE_NANOS = 60_000_000_000L;

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        // taken at every read, so that a note left by a body's chunk never dates the next request
        long ready = ReadReadyProbe.take(ctx.getConnection());
        if (ctx.getMessage() instanceof HttpContent content
                && content.getHttpHeader() instanceof HttpRequestPacket request) {
            stamp(request, arrival(ready, System.nanoTime()));
        }
        return ctx.getInvokeAction();
    }

    /**
     * When the read that carried the head began: the selector's note ({@link ReadReadyProbe}) if
     * there is a plausible one, else now.
     */
    static long arrival(long readyNanos, long nowNanos) {
        long age = nowNanos - readyNanos;
        return readyNanos != 0L && age >= 0 && age < MAX_READY_AGE_NANOS ? readyNanos : nowNanos;
    }

    /** Sets the arrival of {@code request} unless it has one; true if it was set now. */
    static boolean stamp(HttpRequestPacket request, long nowNanos) {
        if (request.getAttribute(ATTRIBUTE) != null) {
            return false;
        }
        request.setAttribute(ATTRIBUTE, nowNanos);
        return true;
    }
}
