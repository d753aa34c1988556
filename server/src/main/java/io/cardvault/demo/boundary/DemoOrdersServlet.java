package io.cardvault.demo.boundary;

import io.cardvault.demo.control.DemoOrderStore;
import io.cardvault.demo.control.DemoTenant;
import io.cardvault.platform.control.JsonFactories;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /demo/orders.json}: the demo merchant's recent orders, newest first, for the "Recent
 * orders" list of the demo page: {@code {"orders": [{id, transactionId, customerName, amount,
 * currency, status, reason, createdAt}]}} (absent values are {@code null}, {@code createdAt} is
 * ISO-8601 UTC). No card data is stored, so none can be shown. 404 outside demo mode.
 */
@WebServlet(urlPatterns = "/demo/orders.json", asyncSupported = true)
public class DemoOrdersServlet extends HttpServlet {

    static final int SHOWN = 10;

    @Inject DemoTenant demoTenant;

    @Inject DemoOrderStore store;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setHeader("Cache-Control", "no-store");
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        if (demoTenant.current().isEmpty()) {
            res.setStatus(404);
            res.getOutputStream()
                    .write("{\"error\":\"demo mode is off\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        JsonArrayBuilder list = JsonFactories.arrayBuilder();
        for (DemoOrderStore.Order o : store.recent(SHOWN)) {
            JsonObjectBuilder b =
                    JsonFactories.objectBuilder()
                            .add("id", o.id())
                            .add("amount", o.amount())
                            .add("currency", o.currency())
                            .add("status", o.status())
                            .add("createdAt", o.createdAt().toString());
            optional(b, "transactionId", o.transactionId().orElse(null));
            optional(b, "customerName", o.customerName().orElse(null));
            optional(b, "reason", o.reason().orElse(null));
            list.add(b);
        }
        res.getOutputStream()
                .write(
                        JsonFactories.objectBuilder()
                                .add("orders", list)
                                .build()
                                .toString()
                                .getBytes(StandardCharsets.UTF_8));
    }

    private static void optional(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }
}
