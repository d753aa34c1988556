package io.cardvault.edge;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;

/**
 * Stamps each request with the moment Grizzly has parsed its head, before Payara's container maps
 * it and runs the servlet pipeline: the request attribute {@link #ATTRIBUTE}, a {@link Long} of
 * {@link System#nanoTime()}. The application's first filter starts the request's clock there
 * instead of at its own entry, so the latency timers in {@code /metrics} also hold the container's
 * part of the request (its hand-over from Grizzly, mapping, valves), as a client sees it. Set once
 * per request: the first chunk of a request carries its head; a body's later chunks leave it alone.
 */
public final class ArrivalTimeFilter extends BaseFilter {

    /**
     * The request attribute; the same string as {@code
     * io.cardvault.platform.boundary.RequestTimingFilter.ARRIVAL_ATTRIBUTE}.
     */
    public static final String ATTRIBUTE = "io.cardvault.edge.arrivedNanos";

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (ctx.getMessage() instanceof HttpContent content
                && content.getHttpHeader() instanceof HttpRequestPacket request) {
            stamp(request, System.nanoTime());
        }
        return ctx.getInvokeAction();
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
