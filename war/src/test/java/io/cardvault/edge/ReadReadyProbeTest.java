package io.cardvault.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.AttributeHolder;
import org.glassfish.grizzly.attributes.AttributeStorage;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.KeepAlive;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.server.ServerFilterConfiguration;
import org.glassfish.grizzly.nio.transport.TCPNIOServerConnection;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.grizzly.utils.DelayedExecutor;
import org.junit.jupiter.api.Test;

/**
 * The request's clock starts when the selector found its head readable, not when a worker thread
 * got round to parsing it: a real Grizzly transport on loopback, with a filter that holds every
 * read for a while before the arrival stamp is taken.
 */
class ReadReadyProbeTest {

    private static final long HOLD_MS = 250;

    @Test
    void note_isTakenOnce_andAbsentIsZero() {
        AttributeHolder holder = Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createSafeAttributeHolder();
        AttributeStorage connection = () -> holder;
        assertEquals(0L, ReadReadyProbe.take(connection), "no read yet");
        ReadReadyProbe.note(connection, 1_000L);
        ReadReadyProbe.note(connection, 2_000L);
        assertEquals(2_000L, ReadReadyProbe.take(connection), "the latest read's note");
        assertEquals(0L, ReadReadyProbe.take(connection), "a note dates one read only");
        assertEquals(0L, ReadReadyProbe.take(null));
    }

    @Test
    void arrival_isTheNote_onlyWhenPlausible() {
        long now = 100_000_000_000L;
        assertEquals(now - 5_000, ArrivalTimeFilter.arrival(now - 5_000, now));
        assertEquals(now, ArrivalTimeFilter.arrival(0L, now), "no note");
        assertEquals(now, ArrivalTimeFilter.arrival(now + 1, now), "a note from the future");
        assertEquals(
                now,
                ArrivalTimeFilter.arrival(now - ArrivalTimeFilter.MAX_READY_AGE_NANOS, now),
                "a note too old to be this read's");
    }

    @Test
    void equippedTransport_stampsTheSelectorsNote_beforeTheWorkersDelay() throws Exception {
        long[] held = serve(true);
        for (long ms : held) {
            assertTrue(ms >= HOLD_MS, "the clock ran through the hold: " + ms + " ms");
        }
    }

    @Test
    void withoutTheProbe_theStampIsTakenAfterTheDelay() throws Exception {
        long[] held = serve(false);
        for (long ms : held) {
            assertTrue(ms < HOLD_MS, "the stamp came after the hold: " + ms + " ms");
        }
    }

    /**
     * Two requests on one kept-alive connection, each held {@link #HOLD_MS} in a worker thread
     * before the arrival stamp; returns, per request, the milliseconds from its stamp to its
     * handler.
     */
    private static long[] serve(boolean withProbe) throws Exception {
        BlockingQueue<Long> seen = new ArrayBlockingQueue<>(4);
        DelayedExecutor delayed = new DelayedExecutor(Executors.newSingleThreadExecutor());
        delayed.start();
        HttpServerFilter server = new HttpServerFilter(new ServerFilterConfiguration(), delayed);
        server.setHttpHandler(
                new HttpHandler() {
                    @Override
                    public void service(Request request, Response response) {
                        long now = System.nanoTime();
                        Object arrived = request.getAttribute(ArrivalTimeFilter.ATTRIBUTE);
                        seen.add(arrived instanceof Long t ? now - t : -1L);
                        response.setStatus(204);
                    }
                });
        TCPNIOTransport transport = TCPNIOTransportBuilder.newInstance().build();
        transport.setProcessor(
                FilterChainBuilder.stateless()
                        .add(new TransportFilter())
                        // with keep-alive: the second request comes on the same connection
                        .add(
                                new org.glassfish.grizzly.http.HttpServerFilter(
                                        true, 8192, new KeepAlive(), delayed))
                        .add(new Hold())
                        .add(server)
                        .build());
        if (withProbe) {
            assertTrue(EdgeFilters.equip(transport));
        } else {
            transport.setProcessor(EdgeFilters.withFilter(transport.getProcessor()).orElseThrow());
        }
        TCPNIOServerConnection listening = transport.bind("127.0.0.1", 0);
        transport.start();
        try (Socket socket = new Socket()) {
            socket.connect(
                    new InetSocketAddress(
                            "127.0.0.1",
                            ((InetSocketAddress) listening.getLocalAddress()).getPort()),
                    5_000);
            socket.setSoTimeout(10_000);
            long[] held = new long[2];
            for (int i = 0; i < held.length; i++) {
                exchange(socket);
                Long nanos = seen.poll(10, TimeUnit.SECONDS);
                assertTrue(nanos != null && nanos >= 0, "request " + i + " was stamped");
                held[i] = TimeUnit.NANOSECONDS.toMillis(nanos);
            }
            return held;
        } finally {
            transport.shutdownNow();
            delayed.destroy();
        }
    }

    private static void exchange(Socket socket) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            assertTrue(b >= 0, "the connection closed before the answer: " + head);
            head.append((char) b);
        }
        assertTrue(head.toString().startsWith("HTTP/1.1 204"), head.toString());
    }

    /** Holds every request's head in the worker thread, as a busy server would. */
    private static final class Hold extends BaseFilter {
        @Override
        public NextAction handleRead(FilterChainContext ctx) throws java.io.IOException {
            try {
                Thread.sleep(HOLD_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ctx.getInvokeAction();
        }
    }
}
