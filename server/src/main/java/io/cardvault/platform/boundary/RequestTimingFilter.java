package io.cardvault.platform.boundary;

import io.cardvault.platform.control.Counters;
import io.cardvault.platform.control.RequestTiming;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The first filter of every request: starts its {@link RequestTiming} when it enters (or, in the
 * Payara Micro bundle, at the request's arrival stamp, {@link #ARRIVAL_ATTRIBUTE}) and finishes it
 * when the response is complete, so the request timers in {@code /metrics} (forwards,
 * tokenizations) include the other filters, the body intake, JAX-RS and the writing of the answer,
 * and agree with what a client measures.
 *
 * <p>A request that goes asynchronous (the body intake reads bodies without blocking, then
 * dispatches) is finished by {@link AsyncListener#onComplete}; the listener is attached when {@code
 * startAsync} is called, because by the time the dispatch that called it returns the request may
 * already have been dispatched again ({@code isAsyncStarted()} is then false). Every dispatch makes
 * the timing current on its thread, so the resource can say which timer the request belongs to.
 *
 * <p>Registered by {@link TransportSecurityFilter.Registration} in front of every other filter.
 */
public class RequestTimingFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = Logger.getLogger(RequestTimingFilter.class.getName());

    static final String ATTRIBUTE = RequestTimingFilter.class.getName();

    /**
     * Set by the bundle's Grizzly filter ({@code io.cardvault.edge.ArrivalTimeFilter}): when the
     * connection's selector found the request's head readable, a {@link Long} of {@link
     * System#nanoTime()}. Where present the clock starts there, so the timers also hold Grizzly's
     * hand-over to a worker thread, the read and parse of the head, the container's mapping and
     * valves; on a server without it (a plain WAR deployment) the clock starts at this filter.
     */
    public static final String ARRIVAL_ATTRIBUTE = "io.cardvault.edge.arrivedNanos";

    /** An arrival older than this is not this request's (never expected): this filter's time. */
    static final long MAX_ARRIVAL_AGE_NANOS = 60_000_000_000L;

    private final transient LongSupplier clock;
    private final transient RequestTiming.Timers timers;

    public RequestTimingFilter() {
        this(System::nanoTime, Counters::timer);
    }

    RequestTimingFilter(LongSupplier clock, RequestTiming.Timers timers) {
        this.clock = clock;
        this.timers = timers;
    }

    /** Maps the filter before every declared filter, for requests and async dispatches. */
    static void register(ServletContext context) {
        FilterRegistration.Dynamic f =
                context.addFilter("cardvault-request-timing", RequestTimingFilter.class);
        f.setAsyncSupported(true);
        f.addMappingForUrlPatterns(
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), false, "/*");
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        boolean first = !(req.getAttribute(ATTRIBUTE) instanceof RequestTiming);
        RequestTiming timing;
        if (first) {
            timing = new RequestTiming(started(req.getAttribute(ARRIVAL_ATTRIBUTE)), timers);
            req.setAttribute(ATTRIBUTE, timing);
        } else {
            timing = (RequestTiming) req.getAttribute(ATTRIBUTE);
        }
        Completion completion = new Completion(timing);
        RequestTiming previous = RequestTiming.enter(timing);
        try {
            chain.doFilter(new Timed(req, completion), res);
        } finally {
            RequestTiming.leave(previous);
            if (first && !completion.async) {
                timing.finish(clock.getAsLong());
            }
            // else: finished by the listener when the async cycle completes
        }
    }

    /** The request's arrival stamp if it has a plausible one, else now. */
    private long started(Object arrival) {
        long now = clock.getAsLong();
        if (arrival instanceof Long arrived) {
            long age = now - arrived;
            if (age >= 0 && age < MAX_ARRIVAL_AGE_NANOS) {
                return arrived;
            }
        }
        return now;
    }

    /** Attaches the completion listener the moment the request goes asynchronous. */
    static final class Timed extends HttpServletRequestWrapper {
        private final Completion completion;

        Timed(HttpServletRequest request, Completion completion) {
            super(request);
            this.completion = completion;
        }

        @Override
        public AsyncContext startAsync() {
            return completion.attach(super.startAsync());
        }

        @Override
        public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
            return completion.attach(super.startAsync(request, response));
        }
    }

    /** Finishes the timing when the async cycle it was attached to completes. */
    final class Completion implements AsyncListener {
        private final RequestTiming timing;
        private volatile boolean async;

        Completion(RequestTiming timing) {
            this.timing = timing;
        }

        AsyncContext attach(AsyncContext context) {
            async = true;
            context.addListener(this);
            return context;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            try {
                timing.finish(clock.getAsLong());
            } catch (RuntimeException e) {
                // a metric must never break a request: Payara would log a stack trace per request
                LOG.fine(() -> "request time not recorded: " + e);
            }
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // a new cycle: keep listening to it
            event.getAsyncContext().addListener(this);
        }

        @Override
        public void onTimeout(AsyncEvent event) {}

        @Override
        public void onError(AsyncEvent event) {}
    }
}
