package io.cardvault.platform.boundary;

import io.cardvault.platform.control.BodyAdmission;
import io.cardvault.platform.control.BodyIntake;
import io.cardvault.platform.control.DaemonThreads;
import io.cardvault.platform.control.Problems;
import io.cardvault.platform.control.RequestIds;
import io.cardvault.platform.entity.CommonProblem;
import io.cardvault.platform.entity.ProblemType;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads every request body before any servlet or JAX-RS resource sees it, so that a slow sender
 * never holds a request thread (issue 10 #6).
 *
 * <ol>
 *   <li>Admission first: every {@link BodyAdmission} (API key, operator key) looks at the headers;
 *       a refused request is answered at once with its problem and {@code Connection: close},
 *       without reading a byte of its body.
 *   <li>A declared {@code Content-Length} over the cap is {@code 413} at once.
 *   <li>The body is read with non-blocking servlet I/O: between two chunks no thread is held. A
 *       watchdog cuts a body that stalls longer than {@code cardvault.http.body-read-timeout} or
 *       arrives slower than {@code cardvault.http.body-min-rate} ({@link BodyIntake}) with {@code
 *       408 request-timeout} and closes the connection.
 *   <li>The complete body is handed on by an async dispatch, as an in-memory stream. A body that
 *       the container holds whole already when the request reaches this filter (it came with the
 *       head) is read at once and handed on in the same thread, without the async cycle: nothing in
 *       that read can wait for the network.
 * </ol>
 *
 * Registered after the declared filters, so request ids, security headers and the transport check
 * have run when the body is read.
 */
public class BodyIntakeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(BodyIntakeFilter.class.getName());
    private static final String BODY = BodyIntakeFilter.class.getName() + ".body";
    private static final long CHECK_EVERY_MS = 250;

    private transient Problems problems;
    private transient Iterable<BodyAdmission> admissions;
    private transient ScheduledExecutorService watchdog;

    /** The bodies being read; the watchdog looks at each of them every {@link #CHECK_EVERY_MS}. */
    private final transient Set<Reader> reading = ConcurrentHashMap.newKeySet();

    private long maxBody;
    private Duration readTimeout;
    private long minRate;

    /** Puts the filter after every declared filter mapping, for requests and async dispatches. */
    @WebListener
    public static class Registration implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent sce) {
            FilterRegistration.Dynamic f =
                    sce.getServletContext()
                            .addFilter("cardvault-body-intake", BodyIntakeFilter.class);
            f.setAsyncSupported(true);
            f.addMappingForUrlPatterns(
                    EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), true, "/*");
        }
    }

    @Override
    public void init() throws ServletException {
        Config config = ConfigProvider.getConfig();
        long forwardMax =
                config.getOptionalValue("cardvault.forward.max-body", Long.class).orElse(1L << 20);
        start(
                CDI.current().select(Problems.class).get(),
                CDI.current().select(BodyAdmission.class),
                Math.max(
                        forwardMax,
                        config.getOptionalValue("cardvault.http.max-body", Long.class)
                                .orElse(1L << 20)),
                config.getOptionalValue("cardvault.http.body-read-timeout", Duration.class)
                        .orElse(Duration.ofSeconds(10)),
                config.getOptionalValue("cardvault.http.body-min-rate", Long.class).orElse(1024L));
    }

    /** Sets the filter up with its collaborators and limits ({@link #init()}, tests). */
    void start(
            Problems problems,
            Iterable<BodyAdmission> admissions,
            long maxBody,
            Duration readTimeout,
            long minRate) {
        this.problems = problems;
        this.admissions = admissions;
        this.maxBody = maxBody;
        this.readTimeout = readTimeout;
        this.minRate = minRate;
        watchdog =
                Executors.newSingleThreadScheduledExecutor(
                        DaemonThreads.named("cardvault-body-watchdog"));
        // one task for all bodies: a task per request, cancelled when its body is read, would stay
        // queued (holding its request and buffers) until its next due time
        watchdog.scheduleWithFixedDelay(
                () -> reading.forEach(BodyIntakeFilter::watchSafely),
                CHECK_EVERY_MS,
                CHECK_EVERY_MS,
                TimeUnit.MILLISECONDS);
    }

    /** How many bodies are being read now (tests). */
    int bodiesBeingRead() {
        return reading.size();
    }

    @Override
    public void destroy() {
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (req.getDispatcherType() == DispatcherType.ASYNC
                && req.getAttribute(BODY) instanceof byte[] body) {
            req.removeAttribute(BODY);
            chain.doFilter(new BufferedBodyRequest(req, body), res);
            return;
        }
        if (req.getDispatcherType() != DispatcherType.REQUEST || !hasBody(req)) {
            chain.doFilter(req, res);
            return;
        }
        Optional<BodyAdmission.Refusal> refusal;
        try {
            refusal = admit(req);
        } catch (io.cardvault.platform.control.DataAccessException unreachable) {
            // the key could not be looked up: the database is down, not the caller's fault
            res.setHeader("Retry-After", "5");
            answer(
                    req,
                    res,
                    CommonProblem.SERVICE_UNAVAILABLE,
                    "the vault's database is not reachable; retry later");
            return;
        }
        if (refusal.isPresent()) {
            answer(req, res, refusal.get().type(), refusal.get().detail());
            return;
        }
        if (req.getContentLengthLong() > maxBody) {
            answer(
                    req,
                    res,
                    CommonProblem.PAYLOAD_TOO_LARGE,
                    "the request body is larger than " + maxBody + " bytes");
            return;
        }
        if (!req.isAsyncSupported()) {
            // only static resources of the container remain here; they never read a body
            chain.doFilter(req, res);
            return;
        }
        Optional<byte[]> arrived = arrivedWhole(req);
        if (arrived.isPresent()) {
            // nothing to wait for: handed on in this thread, without an async cycle and dispatch
            chain.doFilter(new BufferedBodyRequest(req, arrived.get()), res);
            return;
        }
        new Reader(req, res).start();
    }

    /**
     * The body, if the container holds all of it already: a declared length (within the cap,
     * checked before), the container has seen the body's last chunk ({@code isFinished()}: in
     * Grizzly, the request's content is complete, so the connection is ready for its next request
     * once this one is answered), and that many bytes are readable without blocking ({@code
     * available()}: the bytes in the container's buffer). Most bodies of an API request arrive with
     * their head. Reading it then never waits for the network, so no thread can be held by a slow
     * sender. Empty otherwise, with nothing read: the body is then read without blocking ({@link
     * Reader}).
     *
     * <p>The first try of this path (2026-12-01, without the {@code isFinished()} condition) was
     * reverted after a request on a kept-alive connection went unanswered for 30 s in two of three
     * CI runs; the suspected cause was reading a body whose last chunk the container had not yet
     * seen.
     */
    static Optional<byte[]> arrivedWhole(HttpServletRequest req) throws IOException {
        long declared = req.getContentLengthLong();
        if (declared <= 0 || declared > Integer.MAX_VALUE - 8) {
            return Optional.empty();
        }
        ServletInputStream in = req.getInputStream();
        if (!in.isFinished() || in.available() < declared) {
            return Optional.empty();
        }
        // all of it is buffered; a shorter body at the end of the stream is handed on as the
        // non-blocking read would
        return Optional.of(in.readNBytes((int) declared));
    }

    private static void watchSafely(Reader r) {
        try {
            r.watch();
        } catch (RuntimeException e) {
            // one broken request must not stop the watchdog of all the others
            LOG.warning("body watchdog: " + e.getClass().getSimpleName());
        }
    }

    private Optional<BodyAdmission.Refusal> admit(HttpServletRequest req) {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        for (BodyAdmission a : admissions) {
            Optional<BodyAdmission.Refusal> r = a.check(req.getMethod(), path, req::getHeader);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    private static boolean hasBody(HttpServletRequest req) {
        return req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null;
    }

    /** A problem answered without reading (the rest of) the body: the connection is closed. */
    private void answer(
            HttpServletRequest req, HttpServletResponse res, ProblemType type, String detail)
            throws IOException {
        Object id = req.getAttribute(RequestIds.ATTRIBUTE);
        String path = req.getRequestURI().substring(req.getContextPath().length());
        for (BodyAdmission a : admissions) {
            a.problemHeaders(path).forEach(res::setHeader);
        }
        res.setStatus(type.status());
        res.setHeader("Connection", "close");
        res.setContentType(Problems.MEDIA_TYPE);
        res.setCharacterEncoding("UTF-8");
        res.getWriter()
                .write(problems.json(type, detail, id == null ? null : id.toString(), List.of()));
        res.flushBuffer();
    }

    /** One body being read; every callback and the watchdog synchronise on it. */
    private final class Reader implements ReadListener, AsyncListener {
        private final HttpServletRequest req;
        private final HttpServletResponse res;
        private final byte[] chunk;
        private AsyncContext async;
        private ServletInputStream in;
        private BodyIntake intake;
        private boolean done;

        Reader(HttpServletRequest req, HttpServletResponse res) {
            this.req = req;
            this.res = res;
            long declared = req.getContentLengthLong();
            // a small body needs no 8 KiB buffer per request
            this.chunk = new byte[declared > 0 && declared < 8192 ? (int) declared : 8192];
        }

        synchronized void start() throws IOException {
            intake =
                    new BodyIntake(
                            maxBody,
                            readTimeout,
                            minRate,
                            req.getContentLengthLong(),
                            System.nanoTime());
            async = req.startAsync();
            // No container timeout: the watchdog cuts a stalled or slow body. With a timeout set,
            // Payara kept finished async requests in its expiry queue after they had ended: under
            // load, 1,100-2,200 of them with their buffers were on the heap at any moment, outlived
            // young collections, filled the old generation and caused a full GC about every
            // second (p99 > 100 ms on a trivial POST; docs/operations.md).
            async.setTimeout(0);
            async.addListener(this);
            reading.add(this);
            in = req.getInputStream();
            in.setReadListener(this);
        }

        @Override
        public synchronized void onDataAvailable() throws IOException {
            long declared = req.getContentLengthLong();
            while (!done) {
                if (declared >= 0 && intake.received() >= declared) {
                    // all announced bytes are here: never ask isReady() again, Payara would call
                    // this listener for the next request on a kept-alive connection, after this
                    // request has ended (NPEs in Grizzly's InputBuffer)
                    onAllDataRead();
                    return;
                }
                if (!in.isReady()) {
                    return; // called again when more arrives
                }
                int n = in.read(chunk);
                if (n < 0) {
                    onAllDataRead();
                    return;
                }
                if (intake.accept(chunk, n, System.nanoTime()) == BodyIntake.Verdict.TOO_LARGE) {
                    cut(
                            CommonProblem.PAYLOAD_TOO_LARGE,
                            "the request body is larger than " + maxBody + " bytes");
                    return;
                }
            }
        }

        @Override
        public synchronized void onAllDataRead() {
            if (done) {
                return;
            }
            done = true;
            reading.remove(this);
            req.setAttribute(BODY, intake.bytes());
            async.dispatch();
        }

        @Override
        public synchronized void onError(Throwable t) {
            if (done) {
                return;
            }
            // the client went away or the connection broke: nothing to answer
            done = true;
            reading.remove(this);
            LOG.fine(() -> "request body not completed: " + t.getClass().getSimpleName());
            try {
                async.complete();
            } catch (IllegalStateException alreadyOver) {
                // the container has ended the request itself
            }
        }

        private synchronized void watch() {
            if (!done && intake.check(System.nanoTime()) == BodyIntake.Verdict.TOO_SLOW) {
                cut(
                        CommonProblem.REQUEST_TIMEOUT,
                        "the request body arrived too slowly (more than "
                                + readTimeout.toSeconds()
                                + " s without data, or under "
                                + minRate
                                + " bytes/s)");
            }
        }

        private void cut(ProblemType type, String detail) {
            done = true;
            reading.remove(this);
            LOG.fine(
                    () ->
                            "request body cut: "
                                    + type.slug()
                                    + " after "
                                    + intake.received()
                                    + " bytes");
            try {
                answer(req, res, type, detail);
            } catch (IOException | IllegalStateException gone) {
                // the client is gone already
            } catch (RuntimeException e) {
                // whatever went wrong writing the problem, the request is ended below
                LOG.warning(
                        "request body cut, problem not written: " + e.getClass().getSimpleName());
            }
            try {
                async.complete();
            } catch (IllegalStateException alreadyOver) {
                // the container has ended the request itself
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            synchronized (this) {
                if (!done) {
                    cut(CommonProblem.REQUEST_TIMEOUT, "the request body arrived too slowly");
                }
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            reading.remove(this); // a backstop: every path that ends the read removes it already
        }

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable());
        }

        @Override
        public void onStartAsync(AsyncEvent event) {}
    }
}
