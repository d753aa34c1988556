package io.cardvault.sandbox.boundary;

import io.cardvault.platform.control.DemoMode;
import io.cardvault.sandbox.control.PaymentLedger;
import io.cardvault.sandbox.control.PaymentRequestReader;
import io.cardvault.sandbox.control.SandboxAcquirer;
import io.cardvault.sandbox.entity.InvalidPaymentException;
import io.cardvault.sandbox.entity.PaymentRequest;
import io.cardvault.sandbox.entity.PaymentResult;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sandbox PSP over HTTP: {@code POST /sandbox/psp/v1/payments} (JSON or form) and {@code GET
 * /sandbox/psp/v1/payments/{id}}. It is the default target for forwarding in demo mode, so it
 * speaks only JSON back and only ever shows brand and last four digits.
 *
 * <p>On when {@code cardvault.sandbox.enabled} is {@code true}, or {@code auto} (default) and demo
 * mode is on; otherwise every request answers 404, the same as an unknown path. The request header
 * {@code x-sandbox-echo-header} comes back as {@code x-sandbox-echo} so forwarding tests can see
 * header passthrough.
 */
@WebServlet(urlPatterns = "/sandbox/psp/*", asyncSupported = true)
public class SandboxPspServlet extends HttpServlet {

    static final int MAX_BODY = 64 * 1024;
    static final String ECHO_REQUEST_HEADER = "x-sandbox-echo-header";
    static final String ECHO_RESPONSE_HEADER = "x-sandbox-echo";

    private static final long serialVersionUID = 1L;
    private static final String PAYMENTS = "/v1/payments";
    private static final Pattern PAYMENT = Pattern.compile("/v1/payments/([A-Za-z0-9_]{1,64})");

    @Inject transient DemoMode demoMode;

    @Inject
    @ConfigProperty(name = "cardvault.sandbox.enabled", defaultValue = "auto")
    String enabledSetting;

    private final transient SandboxAcquirer acquirer;
    private final transient PaymentLedger ledger;

    public SandboxPspServlet() {
        this(new SandboxAcquirer(), new PaymentLedger());
    }

    SandboxPspServlet(SandboxAcquirer acquirer, PaymentLedger ledger) {
        this.acquirer = acquirer;
        this.ledger = ledger;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (!enabled()) {
            notFound(res);
            return;
        }
        String echo = req.getHeader(ECHO_REQUEST_HEADER);
        if (echo != null) {
            res.setHeader(ECHO_RESPONSE_HEADER, echo);
        }
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        Matcher payment = PAYMENT.matcher(path);
        if (PAYMENTS.equals(path)) {
            if (!"POST".equals(req.getMethod())) {
                methodNotAllowed(res, "POST");
                return;
            }
            create(req, res);
        } else if (payment.matches()) {
            if (!"GET".equals(req.getMethod())) {
                methodNotAllowed(res, "GET");
                return;
            }
            show(payment.group(1), res);
        } else {
            notFound(res);
        }
    }

    boolean enabled() {
        String setting = enabledSetting == null ? "auto" : enabledSetting.trim();
        if ("true".equalsIgnoreCase(setting)) {
            return true;
        }
        if ("auto".equalsIgnoreCase(setting)) {
            return demoMode != null && demoMode.enabled();
        }
        return false;
    }

    private void create(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String mediaType = mediaType(req.getContentType());
        boolean json = mediaType.equals("application/json") || mediaType.endsWith("+json");
        boolean form = mediaType.equals("application/x-www-form-urlencoded");
        if (!json && !form) {
            send(
                    res,
                    415,
                    PaymentJson.error(
                            "unsupported_media_type",
                            "send application/json or application/x-www-form-urlencoded"));
            return;
        }
        if (req.getContentLengthLong() > MAX_BODY) {
            tooLarge(res);
            return;
        }
        // sized by the declared length (checked above), not readNBytes' 8 KB first chunk
        long declared = req.getContentLengthLong();
        byte[] body =
                req.getInputStream().readNBytes(declared >= 0 ? (int) declared + 1 : MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            tooLarge(res);
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            PaymentRequest payment =
                    json
                            ? PaymentRequestReader.fromJson(text)
                            : PaymentRequestReader.fromForm(text);
            PaymentResult result = acquirer.pay(payment);
            ledger.record(result);
            res.setHeader(
                    "Location", req.getContextPath() + "/sandbox/psp/v1/payments/" + result.id());
            send(res, result.httpStatus(), PaymentJson.payment(result));
        } catch (InvalidPaymentException e) {
            send(res, 400, PaymentJson.error(e.code().wireName(), e.getMessage()));
        }
    }

    private void show(String id, HttpServletResponse res) throws IOException {
        var found = ledger.find(id);
        if (found.isEmpty()) {
            send(res, 404, PaymentJson.error("not_found", "no such payment"));
            return;
        }
        send(res, 200, PaymentJson.payment(found.get()));
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    private static void notFound(HttpServletResponse res) throws IOException {
        send(res, 404, PaymentJson.error("not_found", "not found"));
    }

    private static void methodNotAllowed(HttpServletResponse res, String allow) throws IOException {
        res.setHeader("Allow", allow);
        send(res, 405, PaymentJson.error("method_not_allowed", "use " + allow));
    }

    private static void tooLarge(HttpServletResponse res) throws IOException {
        send(
                res,
                413,
                PaymentJson.error(
                        "body_too_large", "the body must not exceed " + MAX_BODY + " bytes"));
    }

    private static void send(HttpServletResponse res, int status, String json) throws IOException {
        res.setStatus(status);
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-store");
        // bytes, not getWriter(): the container's writer allocates a char buffer per response
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        res.setContentLength(bytes.length);
        res.getOutputStream().write(bytes);
    }
}
