package io.cardvault.demo.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The demo backend's reading of the sandbox PSP's answers, and its customer-name rule. */
class DemoPayServletTest {

    private static JsonValue json(String s) {
        return Json.createReader(new StringReader(s)).readValue();
    }

    @Test
    void outcome_approved_declined_cardError_failed() {
        JsonObject ok =
                DemoPayServlet.outcome(
                        201, false, json("{\"id\":\"pay_abc\",\"status\":\"approved\"}"), "fw1");
        assertEquals("approved", ok.getString("status"));
        assertEquals("pay_abc", ok.getString("transactionId"));

        JsonObject declined =
                DemoPayServlet.outcome(
                        402,
                        false,
                        json(
                                "{\"id\":\"pay_d\",\"status\":\"declined\",\"declineCode\":\"insufficient_funds\"}"),
                        "");
        assertEquals("declined", declined.getString("status"));
        assertEquals("insufficient_funds", declined.getString("reason"));

        JsonObject invalid =
                DemoPayServlet.outcome(
                        400, false, json("{\"error\":{\"code\":\"invalid_number\"}}"), "fw2");
        assertEquals("declined", invalid.getString("status"));
        assertEquals("invalid_number", invalid.getString("reason"));
        assertEquals("fw2", invalid.getString("transactionId"));

        JsonObject proxy = DemoPayServlet.outcome(502, true, json("\"bad gateway\""), "");
        assertEquals("failed", proxy.getString("status"));
        assertEquals("", proxy.getString("reason"));

        JsonObject odd =
                DemoPayServlet.outcome(
                        402,
                        false,
                        json("{\"status\":\"declined\",\"declineCode\":\"<script>\"}"),
                        "");
        assertEquals("", odd.getString("reason"), "only [a-z_] codes pass");
    }

    @Test
    void customerName_trimmed_optional_neverDigits() {
        assertEquals(
                Optional.of("Jane Doe"),
                DemoPayServlet.customerName(
                        json("{\"customerName\":\"  Jane Doe \"}").asJsonObject()));
        assertEquals(Optional.empty(), DemoPayServlet.customerName(JsonValue.EMPTY_JSON_OBJECT));
        assertEquals(
                Optional.empty(),
                DemoPayServlet.customerName(json("{\"customerName\":\" \"}").asJsonObject()));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        DemoPayServlet.customerName(
                                json("{\"customerName\":\"Jane 4111 11\"}").asJsonObject()));
    }
}
