package io.cardvault.checkout.boundary;

import io.cardvault.checkout.control.CheckoutSessions;
import io.cardvault.checkout.control.PageKeys;
import io.cardvault.checkout.entity.CheckoutSession;
import io.cardvault.checkout.entity.SessionStatus;
import io.cardvault.tenants.control.TenantRegistry;
import io.cardvault.tenants.entity.Tenant;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;

/**
 * {@code GET /pay/<session id>}: cardvault's own payment page, a merchant page like any other built
 * from the hosted fields, on cardvault's origin. Strict CSP (scripts and styles from this origin
 * only, no inline code, never framed). An expired, completed or unknown session gets a page that
 * says so and loads no fields.
 */
@WebServlet(urlPatterns = "/pay/*", asyncSupported = true)
public class PayPageServlet extends HttpServlet {

    static final String POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                    + "frame-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
                    + "frame-ancestors 'none'";

    @Inject CheckoutSessions sessions;

    @Inject TenantRegistry tenants;

    @Inject PageKeys pageKeys;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setHeader("Content-Security-Policy", POLICY);
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("Referrer-Policy", "no-referrer");
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setContentType("text/html;charset=UTF-8");
        String path = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        Optional<CheckoutSession> session = sessions.find(path);
        Optional<Tenant> tenant = session.flatMap(s -> tenants.find(s.tenantId()));
        if (session.isEmpty() || tenant.isEmpty()) {
            res.setStatus(404);
            write(res, PayPage.closed("unknown", "", null, null));
            return;
        }
        CheckoutSession s = session.get();
        SessionStatus status = s.statusAt(Instant.now());
        if (status != SessionStatus.OPEN) {
            write(
                    res,
                    PayPage.closed(
                            status.json(),
                            tenant.get().name(),
                            status == SessionStatus.EXPIRED ? s.request().cancelUrl() : null,
                            s));
            return;
        }
        write(res, PayPage.open(s, tenant.get().name(), pageKeys.keyFor(s.tenantId())));
    }

    private static void write(HttpServletResponse res, String html) throws IOException {
        res.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }

    /** The amount in major units as plain text ("19.99"), for the no-script fallback. */
    static String major(long minor, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(minor, digits).toPlainString();
    }
}
