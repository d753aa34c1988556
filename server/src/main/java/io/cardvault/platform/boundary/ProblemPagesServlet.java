package io.cardvault.platform.boundary;

import io.cardvault.platform.entity.ProblemCatalogue;
import io.cardvault.platform.entity.ProblemType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * {@code GET /problems/<code>}: the short human-readable page that each problem's {@code type} URI
 * points at. The codes come from every feature's {@link ProblemCatalogue}, so the platform names
 * none of them.
 */
@WebServlet(urlPatterns = "/problems/*", asyncSupported = true)
public class ProblemPagesServlet extends HttpServlet {

    @Inject transient Instance<ProblemCatalogue> catalogues;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        Optional<ProblemType> type =
                StreamSupport.stream(catalogues.spliterator(), false)
                        .flatMap(c -> c.types().stream())
                        .filter(t -> t.slug().equals(path))
                        .findFirst();
        res.setContentType("text/html;charset=UTF-8");
        res.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        res.setHeader("Cache-Control", "public, max-age=3600");
        if (type.isEmpty()) {
            res.setStatus(404);
            res.getWriter()
                    .write(page("Unknown problem", "cardvault has no problem with this code."));
            return;
        }
        ProblemType t = type.get();
        res.getWriter()
                .write(
                        page(
                                t.title(),
                                "HTTP status "
                                        + t.status()
                                        + ". Code <code>"
                                        + t.slug()
                                        + "</code>. The <code>detail</code> and <code>errors</code>"
                                        + " members of the response say what to change; see the"
                                        + " API reference (docs/api.md) for this code."));
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>"
                + title
                + " | cardvault</title><h1>"
                + title
                + "</h1><p>"
                + body
                + "</p></html>";
    }
}
