package io.cardvault.fields.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the hosted fields' scripts and styles: the gzip copy made at build time to clients that
 * accept it, a strong {@code ETag} with {@code 304} revalidation, and cache headers. A versioned
 * URL ({@code /js/v<version>/cardvault.js}, for Subresource Integrity) never changes, so it is
 * {@code immutable} for a year; the unversioned ones are cached for five minutes. HTML pages are
 * left to {@link FieldsPageFilter} and the container.
 */
@WebFilter(
        urlPatterns = {"/js/*", "/fields/*"},
        asyncSupported = true)
public class StaticAssetsFilter extends HttpFilter {

    private static final Pattern ASSET =
            Pattern.compile(
                    "/(?:js|fields)/(?:v[0-9][0-9A-Za-z.-]*/)?[A-Za-z0-9.-]+\\.(?:js|css|d\\.ts)");
    private static final Pattern VERSIONED = Pattern.compile("/js/v[0-9][^/]*/.*");

    /** One asset as served: bytes, the optional gzip copy, its entity tag and media type. */
    record Asset(byte[] identity, Optional<byte[]> gzip, String etag, String contentType) {}

    private final Map<String, Optional<Asset>> assets = new ConcurrentHashMap<>();

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        boolean read = "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod());
        if (!read || !ASSET.matcher(path).matches()) {
            chain.doFilter(req, res);
            return;
        }
        Optional<Asset> asset = assets.computeIfAbsent(path, this::load);
        if (asset.isEmpty()) {
            chain.doFilter(req, res);
            return;
        }
        serve(req, res, path, asset.get());
    }

    private static void serve(
            HttpServletRequest req, HttpServletResponse res, String path, Asset asset)
            throws IOException {
        boolean gzip = asset.gzip().isPresent() && acceptsGzip(req.getHeader("Accept-Encoding"));
        String etag = "\"" + asset.etag() + (gzip ? "-gz" : "") + "\"";
        res.setHeader("Vary", "Accept-Encoding");
        res.setHeader(
                "Cache-Control",
                VERSIONED.matcher(path).matches()
                        ? "public, max-age=31536000, immutable"
                        : "public, max-age=300");
        res.setHeader("ETag", etag);
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Access-Control-Allow-Origin", "*");
        String match = req.getHeader("If-None-Match");
        if (match != null && (match.contains(etag) || match.strip().equals("*"))) {
            res.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = gzip ? asset.gzip().get() : asset.identity();
        res.setContentType(asset.contentType());
        if (gzip) {
            res.setHeader("Content-Encoding", "gzip");
        }
        res.setContentLength(body.length);
        if (!"HEAD".equals(req.getMethod())) {
            res.getOutputStream().write(body);
        }
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] coding = part.strip().split(";");
            if (coding[0].strip().equals("gzip")) {
                return coding.length < 2 || !coding[1].replace(" ", "").equals("q=0");
            }
        }
        return false;
    }

    private Optional<Asset> load(String path) {
        Optional<byte[]> identity = read(path);
        if (identity.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new Asset(
                        identity.get(),
                        read(path + ".gz"),
                        sha256(identity.get()).substring(0, 32),
                        contentType(path)));
    }

    private Optional<byte[]> read(String path) {
        try (InputStream in = getServletContext().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String contentType(String path) {
        if (path.endsWith(".css")) {
            return "text/css;charset=UTF-8";
        }
        if (path.endsWith(".d.ts")) {
            return "application/typescript;charset=UTF-8";
        }
        return "text/javascript;charset=UTF-8";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
