package io.cardvault.platform.boundary;

import io.cardvault.platform.control.Problems;
import io.cardvault.platform.control.RequestIds;
import io.cardvault.platform.entity.CommonProblem;
import io.cardvault.platform.entity.ProblemType;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Headers every response carries: {@code x-request-id} (echoed when sane), {@code nosniff}, and for
 * the API {@code Cache-Control: no-store} so no proxy or browser keeps token metadata.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ApiHeadersFilter extends HttpFilter {

    @Inject transient Problems problems;

    private static final Pattern CONTROL_ESCAPE = Pattern.compile("%(?:[01][0-9a-fA-F]|7[fF])");

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String requestId = RequestIds.accept(req.getHeader(RequestIds.HEADER));
        req.setAttribute(RequestIds.ATTRIBUTE, requestId);
        res.setHeader(RequestIds.HEADER, requestId);
        res.setHeader("X-Content-Type-Options", "nosniff");
        if (req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
            res.setHeader("Cache-Control", "no-store");
            res.setHeader("Pragma", "no-cache");
        }
        String uri = req.getRequestURI();
        if (CONTROL_ESCAPE.matcher(uri).find()) {
            rejectControlCharacters(req, res, uri, requestId);
            return;
        }
        chain.doFilter(req, res);
    }

    /**
     * Header values outside printable ASCII (and tab). Grizzly's own check would answer an empty
     * {@code 400}; the launcher turns that check off ({@code
     * org.glassfish.grizzly.http.STRICT_HEADER_VALUE_VALIDATION_RFC_9110=false}) so that the
     * request reaches the application; {@link TransportSecurityFilter}, the first filter, answers
     * it with a problem before anything reads the header.
     */
    static boolean hasUnprintableHeader(HttpServletRequest req) {
        var names = req.getHeaderNames();
        while (names != null && names.hasMoreElements()) {
            var values = req.getHeaders(names.nextElement());
            while (values != null && values.hasMoreElements()) {
                String v = values.nextElement();
                for (int i = 0; v != null && i < v.length(); i++) {
                    char c = v.charAt(i);
                    if ((c < 0x20 && c != '\t') || c > 0x7e) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Percent-encoded control characters (e.g. {@code %00}) make the JAX-RS runtime fail before our
     * exception mapper runs; answer them here so no input ever yields a 500.
     */
    private void rejectControlCharacters(
            HttpServletRequest req, HttpServletResponse res, String uri, String requestId)
            throws IOException {
        reject(res, requestId, "the request path contains encoded control characters");
    }

    private void reject(HttpServletResponse res, String requestId, String detail)
            throws IOException {
        ProblemType type = CommonProblem.MALFORMED_REQUEST;
        res.setStatus(type.status());
        res.setContentType(Problems.MEDIA_TYPE);
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write(problems.json(type, detail, requestId, List.of()));
    }
}
