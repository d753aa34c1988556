package io.cardvault.checkout.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cardvault.checkout.entity.NewSession;
import io.cardvault.platform.entity.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionRequestValidatorTest {

    private final SessionRequestValidator validator =
            new SessionRequestValidator(
                    List.of("https://shop.example", "https://*.brand.example"),
                    url ->
                            url.startsWith("https://shop.example/")
                                    ? Optional.empty()
                                    : Optional.of("not allowed"));

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static String request(String amount, String currency, String success) {
        return "{\"amount\":"
                + amount
                + ",\"currency\":\""
                + currency
                + "\",\"successUrl\":\""
                + success
                + "\",\"cancelUrl\":\"https://shop.example/cart\"}";
    }

    private List<String> codes(String text) {
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () ->
                                new SessionRequestValidator(
                                                List.of("https://shop.example"),
                                                u -> Optional.of("no"))
                                        .validate(json(text)));
        return e.errors().stream().map(f -> f.field() + ":" + f.code()).toList();
    }

    @Test
    void validate_valid_returnsTheSession() {
        NewSession s =
                validator.validate(
                        json(
                                "{\"amount\":1999,\"currency\":\"JPY\",\"description\":\"Order 1042 \u00e9\","
                                        + "\"successUrl\":\"https://a.brand.example/ok?x=1\",\"cancelUrl\":\"https://shop.example:443/c\","
                                        + "\"callbackUrl\":\"https://shop.example/hooks\",\"reference\":\"r-1\"}"));
        assertEquals(1999, s.amount());
        assertEquals("JPY", s.currency());
        assertEquals(Optional.of("https://shop.example/hooks"), s.callbackUrl());
    }

    @Test
    void validate_amounts_needPositiveWholeMinorUnits() {
        assertEquals(
                List.of("amount:not-positive"),
                codes(request("0", "EUR", "https://shop.example/t")));
        assertEquals(
                List.of("amount:not-positive"),
                codes(request("-1", "EUR", "https://shop.example/t")));
        assertEquals(
                List.of("amount:not-an-integer"),
                codes(request("19.99", "EUR", "https://shop.example/t")));
        assertEquals(
                List.of("amount:too-large"),
                codes(request("1e99999", "EUR", "https://shop.example/t")));
        assertEquals(
                1000,
                validator
                        .validate(json(request("1.0e3", "EUR", "https://shop.example/t")))
                        .amount());
    }

    @Test
    void validate_currency_mustBeIso4217() {
        assertEquals(
                List.of("currency:unknown-currency"),
                codes(request("1", "XYZ", "https://shop.example/t")));
        assertEquals(
                List.of("currency:unknown-currency"),
                codes(request("1", "eur", "https://shop.example/t")));
    }

    @Test
    void validate_urls_schemeAndOrigin() {
        assertEquals(
                List.of("successUrl:unsupported-scheme"),
                codes(request("1", "EUR", "javascript:alert(1)")));
        assertEquals(
                List.of("successUrl:unsupported-scheme"),
                codes(request("1", "EUR", "JavaScript://x/%0aalert(1)")));
        assertEquals(
                List.of("successUrl:origin-not-allowed"),
                codes(request("1", "EUR", "https://shop.example.evil.example/t")));
        assertEquals(
                List.of("successUrl:origin-not-allowed"),
                codes(request("1", "EUR", "http://shop.example/t")));
        assertEquals(
                List.of("successUrl:invalid-url"),
                codes(request("1", "EUR", "https://user@shop.example/t")));
    }

    @Test
    void validate_description_boundedWithoutControls() {
        String base =
                "{\"amount\":1,\"currency\":\"EUR\",\"successUrl\":\"https://shop.example/t\","
                        + "\"cancelUrl\":\"https://shop.example/c\",\"description\":\"";
        assertEquals(
                List.of("description:too-long", "description:control-characters"),
                codes(base + "x".repeat(201) + "\\n\"}"));
        assertEquals(List.of("description:control-characters"), codes(base + "a\\u202Eb\"}"));
    }

    @Test
    void isControl_allowsOrdinaryText() {
        assertEquals(
                false,
                "Order 1042 – café 🙂".codePoints().anyMatch(SessionRequestValidator::isControl));
    }
}
