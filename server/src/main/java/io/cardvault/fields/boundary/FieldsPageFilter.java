package io.cardvault.fields.boundary;

import io.cardvault.fields.control.FontSources;
import io.cardvault.tenants.control.TenantRegistry;
import io.cardvault.tenants.entity.Caller;
import io.cardvault.tenants.entity.KeyKind;
import io.cardvault.tenants.entity.Tenant;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The hosted-field iframe page may only be framed by the tenant's allowed origins: {@code
 * Content-Security-Policy: frame-ancestors <origins>} built from the publishable key in the URL. An
 * unknown, revoked or secret key gets a visible error page that any page may frame and that reports
 * {@code loaderror: invalid-key} to the merchant page. Scripts and styles only from this origin, no
 * inline code; styles and fonts also from the tenant's registered web-font stylesheets ({@link
 * FontSources}).
 */
@WebFilter(urlPatterns = "/fields/*")
public class FieldsPageFilter extends HttpFilter {

    static final String ASSET_POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                    + "img-src 'self' data:; base-uri 'none'; form-action 'none'";

    /**
     * The page cardvault.js frames, hidden, as soon as it loads: it starts the browser's process
     * for this origin and caches the frames' style and scripts, so that {@code mount()} waits for
     * field.html alone (issue 12 target 7).
     */
    static final String WARM_PAGE = "/fields/warm.html";

    @Inject TenantRegistry registry;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        res.setHeader("Referrer-Policy", "no-referrer");
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (path.equals(WARM_PAGE)) {
            // no key, no input, no message: any page that loads cardvault.js may frame it
            res.setHeader("Content-Security-Policy", ASSET_POLICY + "; frame-ancestors *");
            res.setHeader("Cache-Control", "public, max-age=300");
            chain.doFilter(req, res);
            return;
        }
        if (!path.equals("/fields/field.html")
                && !path.equals("/fields/")
                && !path.equals("/fields")) {
            res.setHeader("Content-Security-Policy", ASSET_POLICY + "; frame-ancestors 'none'");
            chain.doFilter(req, res);
            return;
        }
        String[] keys = req.getParameterValues("key");
        if (keys != null && keys.length > 1) {
            // the CSP would come from one key and the script would use another (issue 10 #9)
            refuse(res, 400, "the URL names more than one publishable key");
            return;
        }
        Optional<Tenant> tenant = tenantOf(req.getParameter("key"));
        if (tenant.isEmpty()) {
            invalidKey(res);
            return;
        }
        res.setHeader("Content-Security-Policy", pagePolicy(tenant.get()));
        res.setHeader("Cache-Control", "no-store");
        chain.doFilter(req, res);
    }

    /**
     * The asset policy, with {@code style-src} and {@code font-src} opened exactly for the tenant's
     * registered web-font stylesheets, and framing limited to its origins.
     */
    static String pagePolicy(Tenant tenant) {
        List<String> fonts = tenant.fontStylesheets();
        String fontSrc = FontSources.fontSrc(fonts);
        return ASSET_POLICY.replace("style-src 'self'", FontSources.styleSrc(fonts))
                + (fontSrc.isEmpty() ? "" : "; " + fontSrc)
                + "; frame-ancestors "
                + frameAncestors(tenant.allowedOrigins());
    }

    /**
     * The tenant's origins, and cardvault's own ({@code 'self'}): its hosted payment page ({@code
     * /pay/<session>}) is a page like a merchant's that mounts the same fields.
     */
    static String frameAncestors(List<String> origins) {
        return origins.isEmpty() ? "'self'" : "'self' " + String.join(" ", origins);
    }

    private Optional<Tenant> tenantOf(String key) {
        if (key == null || !key.startsWith(KeyKind.PUBLISHABLE.prefix())) {
            return Optional.empty();
        }
        return registry.authenticate(key)
                .filter(c -> c.kind() == KeyKind.PUBLISHABLE)
                .map(Caller::tenantId)
                .flatMap(registry::find);
    }

    /**
     * An unknown, revoked or secret key: a page that any merchant page may frame (it collects
     * nothing) and that runs {@code field.js}, which reads {@code data-cardvault-error} and tells
     * the merchant page {@code loaderror: invalid-key} at once, instead of a broken frame and a
     * timeout.
     */
    private static void invalidKey(HttpServletResponse res) throws IOException {
        res.setStatus(403);
        res.setHeader(
                "Content-Security-Policy",
                "default-src 'none'; script-src 'self'; style-src 'self'; base-uri 'none';"
                        + " form-action 'none'; frame-ancestors *");
        res.setHeader("Cache-Control", "no-store");
        res.setContentType("text/html;charset=UTF-8");
        res.getOutputStream()
                .write(
                        ("<!doctype html><html lang=\"en\" data-cardvault-error=\"invalid-key\">"
                                        + "<head><meta charset=\"utf-8\"><title>cardvault: field"
                                        + " unavailable</title><link rel=\"stylesheet\""
                                        + " href=\"field.css\"></head><body><p role=\"alert\">This"
                                        + " payment field cannot be shown: its publishable key is"
                                        + " unknown or revoked.</p><script"
                                        + " src=\"field.js\"></script></body></html>")
                                .getBytes(StandardCharsets.UTF_8));
    }

    private static void refuse(HttpServletResponse res, int status, String reason)
            throws IOException {
        res.setStatus(status);
        res.setHeader(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        res.setHeader("Cache-Control", "no-store");
        res.setContentType("text/html;charset=UTF-8");
        byte[] page =
                ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>cardvault: field unavailable</title></head>"
                                + "<body><p style=\"font:14px sans-serif;color:#b00020\" role=\"alert\">This payment field cannot be shown: "
                                + reason
                                + ".</p></body></html>")
                        .getBytes(StandardCharsets.UTF_8);
        res.getOutputStream().write(page);
    }
}
