package io.cardvault.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.platform.control.Counters;
import io.cardvault.platform.control.RequestTiming;
import io.cardvault.testing.Fakes;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The request clock as the container drives it: a plain request is measured when the chain returns,
 * one whose body is read asynchronously only when its async cycle completes (after the dispatch
 * that ran the resource), and requests no feature claims are not recorded at all.
 */
class RequestTimingFilterTest {

    record Recorded(String name, long nanos, List<String> tags) {}

    /** A request with attributes, a dispatcher type and an async context that keeps listeners. */
    static final class FakeRequest {
        final Map<String, Object> attributes = new HashMap<>();
        final List<AsyncListener> listeners = new ArrayList<>();
        DispatcherType type = DispatcherType.REQUEST;
        AsyncContext async;
        final HttpServletRequest proxy =
                Fakes.of(
                        HttpServletRequest.class,
                        (m, a) ->
                                switch (m) {
                                    case "getAttribute" -> attributes.get((String) a[0]);
                                    case "setAttribute" -> attributes.put((String) a[0], a[1]);
                                    case "getDispatcherType" -> type;
                                    case "startAsync" -> async = asyncContext();
                                    default -> throw Fakes.unexpected(m);
                                });

        AsyncContext asyncContext() {
            return Fakes.of(
                    AsyncContext.class,
                    (m, a) ->
                            switch (m) {
                                case "addListener" -> listeners.add((AsyncListener) a[0]);
                                case "getRequest", "getResponse" -> null;
                                default -> throw Fakes.unexpected(m);
                            });
        }

        void complete() throws Exception {
            for (AsyncListener l : List.copyOf(listeners)) {
                l.onComplete(new AsyncEvent(async));
            }
        }
    }

    static final HttpServletResponse RESPONSE =
            Fakes.of(
                    HttpServletResponse.class,
                    (m, a) -> {
                        throw Fakes.unexpected(m);
                    });

    final long[] now = {1_000};
    final List<Recorded> recorded = new ArrayList<>();
    final RequestTimingFilter filter =
            new RequestTimingFilter(
                    () -> now[0],
                    (name, tags) ->
                            nanos -> recorded.add(new Recorded(name, nanos, List.of(tags))));

    @Test
    void doFilter_plainRequest_measuresFromEntryToTheChainsReturn() throws Exception {
        FakeRequest req = new FakeRequest();
        FilterChain chain =
                (rq, rs) -> {
                    now[0] += 300; // other filters, JAX-RS
                    Counters.recordRequest("cardvault_tokenizations", now[0], "status", "2xx");
                    now[0] += 200; // writing the answer
                };
        filter.doFilter(req.proxy, RESPONSE, chain);
        assertEquals(
                List.of(new Recorded("cardvault_tokenizations", 500, List.of("status", "2xx"))),
                recorded);
        assertTrue(RequestTiming.current().isEmpty(), "nothing left on the thread");
    }

    @Test
    void doFilter_requestNoFeatureClaims_recordsNothing() throws Exception {
        filter.doFilter(new FakeRequest().proxy, RESPONSE, (rq, rs) -> now[0] += 100);
        assertEquals(List.of(), recorded);
    }

    @Test
    void doFilter_asyncBodyIntake_measuresUntilTheAsyncCycleCompletes() throws Exception {
        FakeRequest req = new FakeRequest();
        // the body intake goes async and (body already here) dispatches before returning
        filter.doFilter(
                req.proxy,
                RESPONSE,
                (rq, rs) -> {
                    now[0] += 50;
                    ((HttpServletRequest) rq).startAsync();
                });
        assertEquals(List.of(), recorded, "not complete when the first dispatch returns");

        req.type = DispatcherType.ASYNC;
        now[0] += 400; // queued for the dispatch
        filter.doFilter(
                req.proxy,
                RESPONSE,
                (rq, rs) -> {
                    now[0] += 1_000;
                    Counters.recordRequest(
                            "cardvault_forwards", now[0], "host", "psp.example", "status", "2xx");
                });
        assertEquals(List.of(), recorded, "not complete when the resource's dispatch returns");

        now[0] += 50; // the container writes the rest
        req.complete();
        assertEquals(
                List.of(
                        new Recorded(
                                "cardvault_forwards",
                                1_500,
                                List.of("host", "psp.example", "status", "2xx"))),
                recorded);
        req.complete();
        assertEquals(1, recorded.size(), "recorded once");
    }

    @Test
    void doFilter_chainThrows_stillMeasured() {
        FakeRequest req = new FakeRequest();
        assertThrows(
                IllegalStateException.class,
                () ->
                        filter.doFilter(
                                req.proxy,
                                RESPONSE,
                                (rq, rs) -> {
                                    Counters.recordRequest(
                                            "cardvault_tokenizations", now[0], "status", "5xx");
                                    now[0] += 70;
                                    throw new IllegalStateException("boom");
                                }));
        assertEquals(
                List.of(new Recorded("cardvault_tokenizations", 70, List.of("status", "5xx"))),
                recorded);
        assertTrue(RequestTiming.current().isEmpty());
    }

    @Test
    void doFilter_arrivalStampOfTheEdge_measuresFromTheArrival() throws Exception {
        FakeRequest req = new FakeRequest();
        req.attributes.put(RequestTimingFilter.ARRIVAL_ATTRIBUTE, now[0] - 120); // container's part
        filter.doFilter(
                req.proxy,
                RESPONSE,
                (rq, rs) -> {
                    now[0] += 300;
                    Counters.recordRequest("cardvault_tokenizations", now[0], "status", "2xx");
                });
        assertEquals(
                List.of(new Recorded("cardvault_tokenizations", 420, List.of("status", "2xx"))),
                recorded);
    }

    @Test
    void doFilter_implausibleArrivalStamp_measuresFromTheFilter() throws Exception {
        for (Object stamp :
                new Object[] {
                    now[0] + 5, // in the future
                    now[0] - RequestTimingFilter.MAX_ARRIVAL_AGE_NANOS, // far too old
                    "1000" // not the edge's type
                }) {
            FakeRequest req = new FakeRequest();
            req.attributes.put(RequestTimingFilter.ARRIVAL_ATTRIBUTE, stamp);
            filter.doFilter(
                    req.proxy,
                    RESPONSE,
                    (rq, rs) -> {
                        now[0] += 100;
                        Counters.recordRequest("cardvault_tokenizations", now[0], "status", "2xx");
                    });
        }
        assertEquals(3, recorded.size());
        recorded.forEach(r -> assertEquals(100, r.nanos()));
    }
}
