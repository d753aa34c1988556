package io.cardvault.demo.boundary;

import io.cardvault.demo.control.DemoTenant;
import io.cardvault.platform.control.JsonFactories;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /demo/config.json}: the demo tenant's publishable key for the demo checkout page
 * (publishable keys are meant to be public). 404 outside demo mode.
 */
@WebServlet(urlPatterns = "/demo/config.json", asyncSupported = true)
public class DemoConfigServlet extends HttpServlet {

    @Inject DemoTenant demoTenant;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        var demo = demoTenant.current();
        res.setHeader("Cache-Control", "no-store");
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        if (demo.isEmpty()) {
            res.setStatus(404);
            res.getOutputStream()
                    .write("{\"error\":\"demo mode is off\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        demoTenant.allowLocalPort(req.getLocalPort());
        res.getOutputStream()
                .write(
                        JsonFactories.objectBuilder()
                                .add("publishableKey", demo.get().publishableKey())
                                .build()
                                .toString()
                                .getBytes(StandardCharsets.UTF_8));
    }
}
