package io.cardvault.platform.boundary;

import io.cardvault.platform.control.Drain;
import io.cardvault.platform.control.Problems;
import io.cardvault.platform.control.RequestIds;
import io.cardvault.platform.entity.CommonProblem;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * Counts every request in and out for {@link Drain}; once the node is shutting down a new request
 * gets {@code 503 service-unavailable} with {@code Retry-After} and {@code Connection: close}, so a
 * load balancer retries it on another node.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DrainFilter extends HttpFilter {

    @Inject transient Drain drain;

    @Inject transient Problems problems;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!drain.enter()) {
            String requestId = RequestIds.accept(req.getHeader(RequestIds.HEADER));
            res.setStatus(503);
            res.setHeader("Retry-After", "5");
            res.setHeader("Connection", "close");
            res.setContentType(Problems.MEDIA_TYPE);
            res.getWriter()
                    .write(
                            problems.json(
                                    CommonProblem.SERVICE_UNAVAILABLE,
                                    "this node is shutting down; retry on another node",
                                    requestId,
                                    List.of()));
            return;
        }
        try {
            chain.doFilter(req, res);
        } finally {
            drain.exit();
        }
    }
}
