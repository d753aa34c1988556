package io.cardvault.fields.control;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The field page's CSP sources for a tenant's registered web-font stylesheets, and nothing else:
 * {@code style-src} gains each stylesheet as a source expression (scheme, host, port and path; CSP
 * ignores the query), {@code font-src} the origin of each stylesheet, plus the font-file host of a
 * provider that splits CSS and files over two hosts (Google Fonts: CSS on {@code
 * fonts.googleapis.com}, files on {@code fonts.gstatic.com}). The URLs were validated by the tenant
 * settings, so they hold nothing that could end a source expression.
 */
public final class FontSources {

    /** Stylesheet origin → the origin its font files come from, for the providers that split. */
    static final Map<String, String> FILE_ORIGINS =
            Map.of("https://fonts.googleapis.com", "https://fonts.gstatic.com");

    private FontSources() {}

    /** {@code style-src 'self' <stylesheets without query>}. */
    public static String styleSrc(List<String> stylesheets) {
        Set<String> sources = new LinkedHashSet<>();
        sources.add("'self'");
        stylesheets.forEach(s -> sources.add(withoutQuery(s)));
        return "style-src " + String.join(" ", sources);
    }

    /** Empty when the tenant registered no stylesheet: {@code default-src 'none'} then applies. */
    public static String fontSrc(List<String> stylesheets) {
        Set<String> sources = new LinkedHashSet<>();
        for (String s : stylesheets) {
            String origin = originOf(s);
            sources.add(origin);
            String files = FILE_ORIGINS.get(origin);
            if (files != null) {
                sources.add(files);
            }
        }
        return sources.isEmpty() ? "" : "font-src " + String.join(" ", sources);
    }

    static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
