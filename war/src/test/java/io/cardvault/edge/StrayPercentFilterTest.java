package io.cardvault.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.platform.boundary.RequestTimingFilter;
import io.cardvault.platform.boundary.TransportSecurityFilter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.ServerFilterConfiguration;
import org.glassfish.grizzly.utils.DelayedExecutor;
import org.junit.jupiter.api.Test;

class StrayPercentFilterTest {

    static HttpRequestPacket request(String rawPath) {
        HttpRequestPacket r =
                HttpRequestPacket.builder().method("GET").protocol("HTTP/1.1").build();
        byte[] b = rawPath.getBytes(StandardCharsets.ISO_8859_1);
        r.getRequestURIRef().init(b, 0, b.length);
        return r;
    }

    @Test
    void repair_strayPercent_escapedDecodableAndMarked() throws Exception {
        HttpRequestPacket r = request("/api/v1/tokens/%ZZ");
        assertTrue(StrayPercentFilter.repair(r));
        assertEquals("/api/v1/tokens/%25ZZ", r.getRequestURI());
        assertEquals("/api/v1/tokens/%ZZ", r.getRequestURIRef().getDecodedURI());
        assertEquals(Boolean.TRUE, r.getAttribute(StrayPercentFilter.ATTRIBUTE));
    }

    @Test
    void repair_wellFormedPath_untouchedAndUnmarked() {
        HttpRequestPacket r = request("/caf%C3%A9/%41");
        assertFalse(StrayPercentFilter.repair(r));
        assertEquals("/caf%C3%A9/%41", r.getRequestURI());
        assertNull(r.getAttribute(StrayPercentFilter.ATTRIBUTE));
    }

    @Test
    void attribute_isTheOneTheApplicationReads() {
        assertEquals(TransportSecurityFilter.STRAY_PERCENT_ATTRIBUTE, StrayPercentFilter.ATTRIBUTE);
    }

    @Test
    void arrival_stampedOncePerRequest_withTheNameTheApplicationReads() {
        HttpRequestPacket r = request("/api/v1/tokens");
        assertTrue(ArrivalTimeFilter.stamp(r, 1_000L));
        assertFalse(ArrivalTimeFilter.stamp(r, 2_000L), "a later chunk of the body");
        assertEquals(1_000L, r.getAttribute(ArrivalTimeFilter.ATTRIBUTE));
        assertEquals(RequestTimingFilter.ARRIVAL_ATTRIBUTE, ArrivalTimeFilter.ATTRIBUTE);
    }

    @Test
    void withFilter_newChainWithTheFilterBeforeTheHttpServerFilter_runningChainUnchanged() {
        FilterChain running =
                FilterChainBuilder.stateless()
                        .add(new TransportFilter())
                        .add(new org.glassfish.grizzly.http.HttpServerFilter())
                        .add(
                                new HttpServerFilter(
                                        new ServerFilterConfiguration(),
                                        new DelayedExecutor(Executors.newSingleThreadExecutor())))
                        .build();
        FilterChain chain = EdgeFilters.withFilter(running).orElseThrow();
        assertEquals(5, chain.size());
        assertEquals(2, chain.indexOfType(ArrivalTimeFilter.class));
        assertEquals(3, chain.indexOfType(StrayPercentFilter.class));
        assertSame(running.get(2), chain.get(4));
        assertEquals(3, running.size(), "the running chain is not touched");
        assertTrue(EdgeFilters.withFilter(chain).isEmpty(), "not twice");
        assertTrue(
                EdgeFilters.withFilter(
                                FilterChainBuilder.stateless().add(new TransportFilter()).build())
                        .isEmpty(),
                "no HTTP server in the chain");
    }
}
