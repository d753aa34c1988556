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
import java.io.InputStream;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The hosted-field iframe page may only be framed by the tenant's allowed origins: {@code
 * Content-Security-Policy: frame-ancestors <origins>} built from the publishable key in the URL. An
 * unknown, revoked or secret key gets a visible error page that any page may frame and that reports
 * {@code loaderror: invalid-key} to the merchant page. Scripts and styles only from this origin, no
 * inline code; styles and fonts also from the tenant's registered web-font stylesheets ({@link
 * FontSources}). The page names its locale's frame bundle itself ({@code field.<locale>.js}), so
 * the frame starts without the {@code field.js} loader's extra script hop.
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

    private static final String LOADER_TAG = "<script src=\"field.js\"></script>";
    private static final String DEFAULT_LOCALE = "en";
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}");

    /** field.html per locale bundle (as many entries as bundles were built, at most). */
    private final Map<String, Optional<byte[]>> pages = new ConcurrentHashMap<>();

    /** Whether a two-letter locale has a bundle (at most 26 × 26 entries). */
    private final Map<String, Boolean> bundles = new ConcurrentHashMap<>();

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
        Optional<byte[]> page =
                "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod())
                        ? pages.computeIfAbsent(
                                bundleLocale(req.getParameter("locale")), this::pageFor)
                        : Optional.empty();
        if (page.isEmpty()) {
            chain.doFilter(req, res);
            return;
        }
        res.setContentType("text/html;charset=UTF-8");
        res.setContentLength(page.get().length);
        if ("GET".equals(req.getMethod())) {
            res.getOutputStream().write(page.get());
        }
    }

    /**
     * The field page's locale bundle: the {@code locale} parameter when a bundle of that name was
     * built ({@code field.<locale>.js}), otherwise English, as {@code field.js} would pick.
     */
    String bundleLocale(String requested) {
        if (requested == null || !LOCALE.matcher(requested).matches()) {
            return DEFAULT_LOCALE;
        }
        return bundles.computeIfAbsent(requested, this::bundleBuilt) ? requested : DEFAULT_LOCALE;
    }

    private boolean bundleBuilt(String locale) {
        try {
            return getServletContext().getResource("/fields/field." + locale + ".js") != null;
        } catch (MalformedURLException e) {
            return false;
        }
    }

    /**
     * field.html with its loader ({@code field.js}, which would pick the locale's bundle in the
     * browser, one more script hop before the field can start) replaced by that bundle: saves a
     * step between {@code mount()} and {@code ready} (issue 12 target 7). Empty when the page as
     * built has no loader tag, and the container then serves field.html as it is.
     */
    private Optional<byte[]> pageFor(String locale) {
        try (InputStream in = getServletContext().getResourceAsStream("/fields/field.html")) {
            if (in == null) {
                return Optional.empty();
            }
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!html.contains(LOADER_TAG)) {
                return Optional.empty();
            }
            return Optional.of(
                    html.replace(LOADER_TAG, "<script src=\"field." + locale + ".js\"></script>")
                            .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
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
