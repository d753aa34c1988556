package io.cardvault.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.platform.control.Problems;
import io.cardvault.testing.Beans;
import io.cardvault.testing.Fakes;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The asynchronous body read as the container drives it: the body is handed on by a dispatch, no
 * container timeout is set (a timed async request stays in Payara's expiry queue after it has
 * ended, which filled the old generation under load), nothing stays registered once a body is read,
 * and the watchdog alone still cuts a body that stalls.
 */
class BodyIntakeFilterTest {

    private final BodyIntakeFilter filter = new BodyIntakeFilter();

    @AfterEach
    void stop() {
        filter.destroy();
    }

    /** A POST whose body the test feeds to the read listener, with a recording async context. */
    static final class FakeRequest {
        final Map<String, Object> attributes = new HashMap<>();
        final List<Long> timeouts = new ArrayList<>();
        byte[] body;
        int offered; // bytes of the body the "network" has delivered so far
        int read;
        ReadListener listener;
        volatile boolean dispatched;
        volatile boolean completed;
        volatile boolean asyncStarted;
        boolean lastChunkSeen;

        FakeRequest(byte[] body) {
            this.body = body;
        }

        final ServletInputStream in =
                new ServletInputStream() {
                    @Override
                    public boolean isFinished() {
                        // the container's own flag: it has seen the body's last chunk
                        return lastChunkSeen || read == body.length;
                    }

                    @Override
                    public boolean isReady() {
                        return read < offered;
                    }

                    @Override
                    public int available() {
                        return offered - read; // the bytes in the container's buffer
                    }

                    @Override
                    public void setReadListener(ReadListener l) {
                        listener = l;
                    }

                    @Override
                    public int read() {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (read == body.length) {
                            return -1;
                        }
                        int n = Math.min(len, offered - read);
                        System.arraycopy(body, read, b, off, n);
                        read += n;
                        return n;
                    }
                };

        final AsyncContext async =
                Fakes.of(
                        AsyncContext.class,
                        (m, a) ->
                                switch (m) {
                                    case "setTimeout" -> timeouts.add((Long) a[0]);
                                    case "addListener" -> null;
                                    case "dispatch" -> dispatched = true;
                                    case "complete" -> completed = true;
                                    default -> throw Fakes.unexpected(m);
                                });

        final HttpServletRequest proxy =
                Fakes.of(
                        HttpServletRequest.class,
                        (m, a) ->
                                switch (m) {
                                    case "getDispatcherType" -> DispatcherType.REQUEST;
                                    case "getAttribute" -> attributes.get((String) a[0]);
                                    case "setAttribute" -> attributes.put((String) a[0], a[1]);
                                    case "getContentLengthLong" -> (long) body.length;
                                    case "getHeader" -> null;
                                    case "getMethod" -> "POST";
                                    case "getRequestURI" -> "/api/v1/tokens";
                                    case "getContextPath" -> "";
                                    case "isAsyncSupported" -> true;
                                    case "startAsync" -> {
                                        asyncStarted = true;
                                        yield async;
                                    }
                                    case "getInputStream" -> in;
                                    default -> throw Fakes.unexpected(m);
                                });

        void deliver(int bytes) throws Exception {
            offered = Math.min(body.length, offered + bytes);
            listener.onDataAvailable();
        }

        byte[] handedOn() {
            return attributes.values().stream()
                    .filter(byte[].class::isInstance)
                    .map(byte[].class::cast)
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A response that keeps its status and body. */
    static final class FakeResponse {
        volatile int status;
        final StringWriter written = new StringWriter();
        final HttpServletResponse proxy =
                Fakes.of(
                        HttpServletResponse.class,
                        (m, a) ->
                                switch (m) {
                                    case "setStatus" -> status = (Integer) a[0];
                                    case "setHeader",
                                            "setContentType",
                                            "setCharacterEncoding",
                                            "flushBuffer" ->
                                            null;
                                    case "getWriter" -> new PrintWriter(written);
                                    default -> throw Fakes.unexpected(m);
                                });
    }

    private void start(Duration readTimeout) {
        filter.start(
                Beans.set(new Problems(), "publicUrl", "http://localhost:8080"),
                List.of(),
                1 << 20,
                readTimeout,
                0);
    }

    @Test
    void aBodyInPiecesIsHandedOnByADispatchAndNothingStaysRegistered() throws Exception {
        start(Duration.ofSeconds(10));
        byte[] body = "{\"number\":\"4111111111111111\"}".getBytes(StandardCharsets.UTF_8);
        FakeRequest req = new FakeRequest(body);
        filter.doFilter(req.proxy, new FakeResponse().proxy, (rq, rs) -> {});

        assertEquals(1, filter.bodiesBeingRead());
        req.deliver(7);
        assertTrue(!req.dispatched, "half a body is not handed on");
        req.deliver(body.length);

        assertTrue(req.dispatched);
        assertArrayEquals(body, req.handedOn());
        assertEquals(0, filter.bodiesBeingRead(), "a read body leaves nothing for the watchdog");
        assertTrue(
                req.timeouts.stream().allMatch(t -> t <= 0),
                "no container timeout (Payara keeps timed async requests queued after they end): "
                        + req.timeouts);
    }

    @Test
    void aBodyThatCameWithItsHead_isHandedOnInTheSameThread_withoutAnAsyncCycle() throws Exception {
        start(Duration.ofSeconds(10));
        byte[] body = "{\"number\":\"4111111111111111\"}".getBytes(StandardCharsets.UTF_8);
        FakeRequest req = new FakeRequest(body);
        req.offered = body.length; // all of it in the container's buffer already
        req.lastChunkSeen = true;
        Thread caller = Thread.currentThread();
        List<byte[]> seen = new ArrayList<>();
        filter.doFilter(
                req.proxy,
                new FakeResponse().proxy,
                (rq, rs) -> {
                    assertSame(caller, Thread.currentThread());
                    seen.add(rq.getInputStream().readAllBytes());
                });

        assertEquals(1, seen.size(), "the chain went on at once");
        assertArrayEquals(body, seen.get(0));
        assertFalse(req.asyncStarted, "no async cycle");
        assertFalse(req.dispatched);
        assertEquals(0, filter.bodiesBeingRead());
    }

    @Test
    void aBodyOnlyPartlyArrived_isReadWithoutBlocking_notInTheRequestThread() throws Exception {
        // one byte still on the network: a read could block
        assertTakesTheNonBlockingRead(new byte[100], 99, 1);
    }

    @Test
    void aBodyWhoseLastChunkTheContainerHasNotSeen_takesTheNonBlockingRead() throws Exception {
        // the bytes are buffered, but the container's request is still open (isFinished() false)
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertTakesTheNonBlockingRead(body, body.length, 0);
    }

    /** {@code offered} bytes are buffered at first, {@code rest} are delivered later. */
    private void assertTakesTheNonBlockingRead(byte[] body, int offered, int rest)
            throws Exception {
        start(Duration.ofSeconds(10));
        FakeRequest req = new FakeRequest(body);
        req.offered = offered;
        List<Object> chained = new ArrayList<>();
        filter.doFilter(req.proxy, new FakeResponse().proxy, (rq, rs) -> chained.add(rq));

        assertTrue(chained.isEmpty(), "not handed on in the request's thread");
        assertTrue(req.asyncStarted);
        assertEquals(0, req.read, "nothing read in the request's thread");
        req.deliver(rest);
        assertTrue(req.dispatched);
        assertArrayEquals(body, req.handedOn());
    }

    @Test
    void manyBodiesLeaveNothingBehind() throws Exception {
        start(Duration.ofSeconds(10));
        for (int i = 0; i < 1_000; i++) {
            FakeRequest req = new FakeRequest(new byte[] {'{', '}'});
            filter.doFilter(req.proxy, new FakeResponse().proxy, (rq, rs) -> {});
            req.deliver(2);
            assertTrue(req.dispatched);
        }
        assertEquals(0, filter.bodiesBeingRead());
    }

    @Test
    void aStalledBodyIsCutByTheWatchdogAlone() throws Exception {
        start(Duration.ofMillis(300));
        FakeRequest req = new FakeRequest(new byte[100]);
        FakeResponse res = new FakeResponse();
        filter.doFilter(req.proxy, res.proxy, (rq, rs) -> {});
        req.deliver(10); // then nothing more

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!req.completed && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(req.completed, "the watchdog ended the request");
        assertEquals(408, res.status);
        assertTrue(res.written.toString().contains("request-timeout"), res.written.toString());
        assertTrue(!req.dispatched);
        assertEquals(0, filter.bodiesBeingRead());
    }
}
