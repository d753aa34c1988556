package io.cardvault.platform.boundary;

import io.cardvault.platform.control.Problems;
import io.cardvault.platform.control.RequestIds;
import io.cardvault.platform.control.TransportPolicy;
import io.cardvault.platform.entity.CommonProblem;
import io.cardvault.platform.entity.ProblemType;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;

/**
 * HTTPS first: every request meets {@link TransportPolicy} before any other filter or servlet.
 * Secure responses get {@code Strict-Transport-Security}; plain-HTTP requests the policy does not
 * accept are answered here ({@code 403 https-required} problem, or a {@code 308} to HTTPS for
 * pages) and reach nothing else.
 *
 * <p>Registered by {@link Registration} in front of every declared filter (annotation order is
 * unspecified, and a filter that answers by itself must not skip this one).
 */
public class TransportSecurityFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /**
     * Set by the runnable bundle's edge filter ({@code io.cardvault.edge.StrayPercentFilter}, in
     * front of Payara Micro's container) on a request whose path had a percent sign not followed by
     * two hex digits ({@code /api/v1/tokens/%ZZ}): the container cannot decode such a path and
     * would answer an empty response, so the filter escaped the sign and left this mark. Other
     * servers answer such a request in their container; it never gets here.
     */
    public static final String STRAY_PERCENT_ATTRIBUTE = "io.cardvault.edge.strayPercent";

    @Inject transient Problems problems;

    @Inject transient TransportPolicy transport;

    /**
     * Puts the filter before every declared filter mapping, for all paths; only the request clock
     * ({@link RequestTimingFilter}) comes before it, so that a request this filter answers is timed
     * as well. One listener registers both because the order of listeners is unspecified.
     */
    @WebListener
    public static class Registration implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent sce) {
            RequestTimingFilter.register(sce.getServletContext());
            FilterRegistration.Dynamic f =
                    sce.getServletContext()
                            .addFilter(
                                    "cardvault-transport-security", TransportSecurityFilter.class);
            f.setAsyncSupported(true);
            f.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        }
    }

    @Override
    public void init() throws ServletException {
        // not every container injects into programmatically added filters
        if (transport == null) {
            transport = CDI.current().select(TransportPolicy.class).get();
        }
        if (problems == null) {
            problems = CDI.current().select(Problems.class).get();
        }
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (ApiHeadersFilter.hasUnprintableHeader(req)) {
            answer(
                    req,
                    res,
                    CommonProblem.MALFORMED_REQUEST,
                    "a request header contains characters outside printable ASCII");
            return;
        }
        if (req.getAttribute(STRAY_PERCENT_ATTRIBUTE) != null) {
            answer(
                    req,
                    res,
                    CommonProblem.MALFORMED_REQUEST,
                    "the request path is not a valid percent-encoded UTF-8 path (a percent sign"
                            + " not followed by two hexadecimal digits, or escapes of bytes that are"
                            + " not UTF-8, NUL, backslash or dot segments above the root)");
            return;
        }
        String path = req.getRequestURI().substring(req.getContextPath().length());
        TransportPolicy.Decision d =
                transport.decide(
                        new TransportPolicy.Request(
                                req.isSecure(),
                                req.getRemoteAddr(),
                                req.getHeader("X-Forwarded-Proto"),
                                req.getMethod(),
                                path,
                                req.getQueryString(),
                                req.getServerName()));
        if (d instanceof TransportPolicy.Serve serve) {
            if (serve.secure()) {
                res.setHeader("Strict-Transport-Security", TransportPolicy.HSTS);
            }
            if (!path.startsWith("/fields/")) {
                // the bundle switches Payara's blanket SAMEORIGIN off, because the field frames
                // are framed by merchant sites and say so with CSP frame-ancestors alone; every
                // other page may not be framed at all
                res.setHeader("X-Frame-Options", "DENY");
            }
            chain.doFilter(req, res);
            return;
        }
        if (d instanceof TransportPolicy.Redirect redirect) {
            answered(req, res);
            res.setStatus(308);
            res.setHeader("Location", redirect.location());
            return;
        }
        answer(
                req,
                res,
                CommonProblem.HTTPS_REQUIRED,
                "use HTTPS: plain HTTP is accepted from loopback clients only");
    }

    /** Headers of a response this filter makes itself; returns the request id. */
    private static String answered(HttpServletRequest req, HttpServletResponse res) {
        String requestId = RequestIds.accept(req.getHeader(RequestIds.HEADER));
        res.setHeader(RequestIds.HEADER, requestId);
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Cache-Control", "no-store");
        return requestId;
    }

    private void answer(
            HttpServletRequest req, HttpServletResponse res, ProblemType type, String detail)
            throws IOException {
        String requestId = answered(req, res);
        res.setStatus(type.status());
        res.setContentType(Problems.MEDIA_TYPE);
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write(problems.json(type, detail, requestId, List.of()));
    }
}
