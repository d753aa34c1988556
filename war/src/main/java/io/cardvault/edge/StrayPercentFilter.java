package io.cardvault.edge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.DataChunk;

/**
 * Sits just before Grizzly's {@code HttpServerFilter} (so it sees HTTP/1.1 and HTTP/2 requests
 * alike, after parsing and before Payara's container). A request path with a stray percent sign or
 * with escapes that decode to no valid path ({@link PathEscapes}) gets its percent signs escaped,
 * so that the container can decode the path and hand the request to the application, and the
 * request attribute {@link #ATTRIBUTE}, on which the application's first filter answers {@code 400
 * malformed-request} as problem+json. The request itself (method, headers, body, connection) is
 * left alone: Grizzly and the container go on as for any request, keep-alive and all.
 */
public final class StrayPercentFilter extends BaseFilter {

    /**
     * The request attribute the application looks for; the same string as {@code
     * io.cardvault.platform.boundary.TransportSecurityFilter.STRAY_PERCENT_ATTRIBUTE}.
     */
    public static final String ATTRIBUTE = "io.cardvault.edge.strayPercent";

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (ctx.getMessage() instanceof HttpContent content
                && content.getHttpHeader() instanceof HttpRequestPacket request) {
            repair(request);
        }
        return ctx.getInvokeAction();
    }

    /** Escapes the stray percent signs of the request's path; true if there were any. */
    static boolean repair(HttpRequestPacket request) {
        DataChunk path = request.getRequestURIRef().getRequestURIBC();
        if (path.indexOf('%', 0) < 0) {
            return false; // the common case: nothing allocated
        }
        String raw = path.toString(StandardCharsets.ISO_8859_1);
        String decodable;
        if (PathEscapes.hasStrayPercent(raw)) {
            decodable = PathEscapes.escapeStrayPercents(raw);
        } else if (PathEscapes.undecodable(raw)) {
            decodable = PathEscapes.escapeAllPercents(raw);
        } else {
            return false;
        }
        byte[] repaired = decodable.getBytes(StandardCharsets.ISO_8859_1);
        path.setBytes(repaired);
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
        return true;
    }
}
