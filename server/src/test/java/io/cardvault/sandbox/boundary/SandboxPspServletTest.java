package io.cardvault.sandbox.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.platform.control.DemoMode;
import io.cardvault.sandbox.control.PaymentLedger;
import io.cardvault.sandbox.control.SandboxAcquirer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxPspServletTest {

    private static final String PAYMENTS = "/v1/payments";
    private static final String JSON_TYPE = "application/json";
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";

    private final SandboxPspServlet servlet = servlet("true");

    static SandboxPspServlet servlet(String enabled) {
        Clock june2026 = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);
        SandboxPspServlet s =
                new SandboxPspServlet(
                        new SandboxAcquirer(june2026, new Random(7)), new PaymentLedger());
        s.enabledSetting = enabled;
        return s;
    }

    static String json(String number, String cvc) {
        return "{\"amount\":1000,\"currency\":\"EUR\",\"card\":{\"number\":\""
                + number
                + "\",\"expMonth\":12,\"expYear\":2030,\"cvc\":\""
                + cvc
                + "\",\"holderName\":\"Jane Doe\"}}";
    }

    static String form(String number, String cvc) {
        return "amount=1000&currency=EUR&card%5Bnumber%5D="
                + number
                + "&card%5Bexp_month%5D=12&card%5Bexp_year%5D=2030&card%5Bcvc%5D="
                + cvc
                + "&card%5Bholder_name%5D=Jane+Doe";
    }

    private FakeHttp.Recorded call(
            SandboxPspServlet s,
            String method,
            String path,
            String type,
            String body,
            Map<String, String> headers)
            throws IOException {
        FakeHttp.Recorded recorded = new FakeHttp.Recorded();
        s.service(FakeHttp.request(method, path, type, body, headers), recorded.response());
        return recorded;
    }

    private FakeHttp.Recorded call(String method, String path, String type, String body)
            throws IOException {
        return call(servlet, method, path, type, body, Map.of());
    }

    private static JsonObject parse(FakeHttp.Recorded r) {
        assertEquals(r.body.size(), r.contentLength, "Content-Length is the body's bytes");
        return Json.createReader(new StringReader(r.body.toString())).readObject();
    }

    @Test
    void post_jsonApprovedCard_201WithBrandAndLast4() throws IOException {
        FakeHttp.Recorded r = call("POST", PAYMENTS, JSON_TYPE, json("4111111111111111", "123"));

        assertEquals(201, r.status);
        assertEquals("application/json", r.contentType);
        JsonObject body = parse(r);
        assertTrue(body.getString("id").startsWith("pay_"));
        assertEquals("approved", body.getString("status"));
        assertEquals(1000, body.getInt("amount"));
        assertEquals("EUR", body.getString("currency"));
        assertEquals("visa", body.getJsonObject("card").getString("brand"));
        assertEquals("1111", body.getJsonObject("card").getString("last4"));
        assertFalse(body.containsKey("declineCode"));
        assertEquals("/sandbox/psp/v1/payments/" + body.getString("id"), r.header("Location"));
    }

    @Test
    void post_jsonDeclineCard_402WithDeclineCode() throws IOException {
        FakeHttp.Recorded r =
                call(
                        "POST",
                        PAYMENTS,
                        "application/json; charset=utf-8",
                        json("4000000000009995", "123"));

        assertEquals(402, r.status);
        assertEquals("declined", parse(r).getString("status"));
        assertEquals("insufficient_funds", parse(r).getString("declineCode"));
        assertEquals("9995", parse(r).getJsonObject("card").getString("last4"));
    }

    @Test
    void post_formApprovedCard_201() throws IOException {
        FakeHttp.Recorded r = call("POST", PAYMENTS, FORM_TYPE, form("5555555555554444", "123"));

        assertEquals(201, r.status, r.body.toString());
        assertEquals("approved", parse(r).getString("status"));
        assertEquals("mastercard", parse(r).getJsonObject("card").getString("brand"));
    }

    @Test
    void post_formDeclineCard_402() throws IOException {
        FakeHttp.Recorded r = call("POST", PAYMENTS, FORM_TYPE, form("4000000000000002", "123"));

        assertEquals(402, r.status);
        assertEquals("card_declined", parse(r).getString("declineCode"));
    }

    @ParameterizedTest
    @CsvSource({
        "4111111111111112, 123, invalid_number",
        "4111111111111111, 12, invalid_cvc",
        "378282246310005, 123, invalid_cvc"
    })
    void post_invalidCard_400WithErrorCode(String number, String cvc, String code)
            throws IOException {
        FakeHttp.Recorded r = call("POST", PAYMENTS, JSON_TYPE, json(number, cvc));

        assertEquals(400, r.status);
        assertEquals(code, parse(r).getJsonObject("error").getString("code"));
        assertTrue(parse(r).getJsonObject("error").containsKey("message"));
    }

    @Test
    void post_malformedJson_400InvalidRequest() throws IOException {
        FakeHttp.Recorded r = call("POST", PAYMENTS, JSON_TYPE, "{\"amount\":");

        assertEquals(400, r.status);
        assertEquals("invalid_request", parse(r).getJsonObject("error").getString("code"));
    }

    @ParameterizedTest
    @CsvSource({
        "4111111111111111, 123",
        "5555555555554444, 321",
        "378282246310005, 4321",
        "4000000000000002, 123",
        "4000000000000127, 123",
        "4111111111111112, 123",
        "4111111111111111, 12"
    })
    void post_anyOutcome_bodyNeverContainsNumberOrCvc(String number, String cvc)
            throws IOException {
        for (FakeHttp.Recorded r :
                new FakeHttp.Recorded[] {
                    call("POST", PAYMENTS, JSON_TYPE, json(number, cvc)),
                    call("POST", PAYMENTS, FORM_TYPE, form(number, cvc))
                }) {
            String body = r.body.toString();
            assertFalse(body.contains(number), body);
            assertFalse(body.contains(number.substring(0, 6)), body);
            assertFalse(body.contains("\"" + cvc + "\""), body);
            assertFalse(body.contains("Jane"), body);
        }
    }

    @Test
    void get_storedPayment_200WithSamePayment() throws IOException {
        JsonObject created =
                parse(call("POST", PAYMENTS, JSON_TYPE, json("4000000000000069", "123")));

        FakeHttp.Recorded r = call("GET", PAYMENTS + "/" + created.getString("id"), null, null);

        assertEquals(200, r.status);
        assertEquals(created, parse(r));
        assertEquals("expired_card", parse(r).getString("declineCode"));
        assertFalse(r.body.toString().contains("4000000000000069"));
    }

    @Test
    void get_unknownPayment_404Json() throws IOException {
        FakeHttp.Recorded r = call("GET", PAYMENTS + "/pay_doesnotexist", null, null);

        assertEquals(404, r.status);
        assertEquals("not_found", parse(r).getJsonObject("error").getString("code"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/v1",
                "/v2/payments",
                "/v1/payments/",
                "/v1/refunds",
                "/v1/payments/a/b"
            })
    void service_unknownPath_404Json(String path) throws IOException {
        FakeHttp.Recorded r = call("GET", path, null, null);

        assertEquals(404, r.status);
        assertEquals("not_found", parse(r).getJsonObject("error").getString("code"));
    }

    @Test
    void service_noPathInfo_404() throws IOException {
        assertEquals(404, call("POST", null, JSON_TYPE, json("4111111111111111", "123")).status);
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /v1/payments, POST",
        "PUT, /v1/payments, POST",
        "DELETE, /v1/payments/pay_x, GET",
        "POST, /v1/payments/pay_x, GET"
    })
    void service_wrongMethod_405WithAllow(String method, String path, String allow)
            throws IOException {
        FakeHttp.Recorded r = call(method, path, JSON_TYPE, "");

        assertEquals(405, r.status);
        assertEquals(allow, r.header("Allow"));
        assertEquals("method_not_allowed", parse(r).getJsonObject("error").getString("code"));
    }

    @Test
    void post_bodyOver64KiB_413() throws IOException {
        String big =
                json("4111111111111111", "123")
                        .replace("Jane Doe", "J".repeat(SandboxPspServlet.MAX_BODY));

        FakeHttp.Recorded r = call("POST", PAYMENTS, JSON_TYPE, big);

        assertEquals(413, r.status);
        assertEquals("body_too_large", parse(r).getJsonObject("error").getString("code"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml"})
    void post_unsupportedContentType_415(String type) throws IOException {
        assertEquals(415, call("POST", PAYMENTS, type, json("4111111111111111", "123")).status);
    }

    @Test
    void post_missingContentType_415() throws IOException {
        assertEquals(415, call("POST", PAYMENTS, null, json("4111111111111111", "123")).status);
    }

    @Test
    void service_echoHeader_echoedBack() throws IOException {
        FakeHttp.Recorded r =
                call(
                        servlet,
                        "POST",
                        PAYMENTS,
                        JSON_TYPE,
                        json("4111111111111111", "123"),
                        Map.of("X-Sandbox-Echo-Header", "hello-42"));

        assertEquals("hello-42", r.header("x-sandbox-echo"));
    }

    @Test
    void service_noEchoHeader_noEcho() throws IOException {
        assertNull(
                call("POST", PAYMENTS, JSON_TYPE, json("4111111111111111", "123"))
                        .header("x-sandbox-echo"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "off", "nonsense"})
    void service_disabled_404ForEverything(String setting) throws IOException {
        SandboxPspServlet off = servlet(setting);

        FakeHttp.Recorded r =
                call(
                        off,
                        "POST",
                        PAYMENTS,
                        JSON_TYPE,
                        json("4111111111111111", "123"),
                        Map.of("x-sandbox-echo-header", "x"));

        assertEquals(404, r.status);
        assertNull(r.header("x-sandbox-echo"));
    }

    @Test
    void service_autoWithDemoModeOn_enabled() throws IOException {
        SandboxPspServlet auto = servlet("auto");
        auto.demoMode = demoMode(true);

        assertEquals(
                201,
                call(auto, "POST", PAYMENTS, JSON_TYPE, json("4111111111111111", "123"), Map.of())
                        .status);
    }

    @Test
    void service_autoWithDemoModeOff_404() throws IOException {
        SandboxPspServlet auto = servlet("auto");
        auto.demoMode = demoMode(false);

        assertEquals(
                404,
                call(auto, "POST", PAYMENTS, JSON_TYPE, json("4111111111111111", "123"), Map.of())
                        .status);
    }

    @Test
    void service_trueOverridesDemoModeOff_enabled() throws IOException {
        SandboxPspServlet on = servlet("TRUE");
        on.demoMode = demoMode(false);

        assertEquals(
                201,
                call(on, "POST", PAYMENTS, JSON_TYPE, json("4111111111111111", "123"), Map.of())
                        .status);
    }

    private static DemoMode demoMode(boolean on) {
        return new DemoMode() {
            @Override
            public boolean enabled() {
                return on;
            }
        };
    }
}
