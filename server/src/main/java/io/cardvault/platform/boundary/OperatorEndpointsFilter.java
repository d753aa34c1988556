package io.cardvault.platform.boundary;

import io.cardvault.platform.control.OperatorAccess;
import io.cardvault.platform.control.Problems;
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
 * {@code /metrics} is Payara's servlet, but Payara registers it inside the application deployed at
 * context root {@code /} (this one), so this filter guards it: only {@link OperatorAccess} callers
 * get through; everyone else gets {@code 403 operator-only}.
 */
@WebFilter(
        urlPatterns = {"/metrics", "/metrics/*"},
        asyncSupported = true)
public class OperatorEndpointsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject transient OperatorAccess access;

    @Inject transient Problems problems;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        boolean viaProxy =
                req.getHeader("Forwarded") != null || req.getHeader("X-Forwarded-For") != null;
        if (access.allowed(
                req.getRemoteAddr(),
                viaProxy,
                req.getHeader("Authorization"),
                req.getHeader("x-metrics-key"))) {
            chain.doFilter(req, res);
            return;
        }
        Object id = req.getAttribute(io.cardvault.platform.control.RequestIds.ATTRIBUTE);
        res.setStatus(CommonProblem.OPERATOR_ONLY.status());
        res.setHeader("Cache-Control", "no-store");
        res.setContentType(Problems.MEDIA_TYPE);
        res.setCharacterEncoding("UTF-8");
        res.getWriter()
                .write(
                        problems.json(
                                CommonProblem.OPERATOR_ONLY,
                                "metrics are for the operator: connect from cardvault.metrics.networks or send cardvault.metrics.key as a bearer token",
                                id == null ? null : id.toString(),
                                List.of()));
    }
}
