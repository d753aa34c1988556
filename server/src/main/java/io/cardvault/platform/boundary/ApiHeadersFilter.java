package io.cardvault.platform.boundary;

import io.cardvault.platform.control.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers every response carries: {@code x-request-id} (echoed when sane), {@code nosniff}, and for
 * the API {@code Cache-Control: no-store} so no proxy or browser keeps token metadata.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ApiHeadersFilter extends HttpFilter {

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
        chain.doFilter(req, res);
    }
}
