package io.cardvault.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cardvault.sandbox.entity.ErrorCode;
import io.cardvault.sandbox.entity.InvalidPaymentException;
import io.cardvault.sandbox.entity.PaymentRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentRequestReaderTest {

    private static final String JSON =
            "{\"amount\":1000,\"currency\":\"EUR\",\"card\":{\"number\":\"4111111111111111\","
                    + "\"expMonth\":12,\"expYear\":2030,\"cvc\":\"123\",\"holderName\":\"Jane Doe\"}}";

    @Test
    void fromJson_fullBody_readsEveryField() {
        PaymentRequest r = PaymentRequestReader.fromJson(JSON);

        assertEquals(1000, r.amount());
        assertEquals("EUR", r.currency());
        assertEquals("4111111111111111", r.number());
        assertEquals(12, r.expMonth());
        assertEquals(2030, r.expYear());
        assertEquals(Optional.of("123"), r.cvc());
        assertEquals(Optional.of("Jane Doe"), r.holderName());
    }

    @Test
    void fromJson_expiryAsDigitStringsAndSpacedNumber_accepted() {
        PaymentRequest r =
                PaymentRequestReader.fromJson(
                        "{\"amount\":\"1000\",\"currency\":\"EUR\",\"card\":{"
                                + "\"number\":\"4111 1111-1111 1111\",\"expMonth\":\"07\",\"expYear\":\"30\"}}");

        assertEquals(1000, r.amount());
        assertEquals("4111111111111111", r.number());
        assertEquals(7, r.expMonth());
        assertEquals(30, r.expYear());
        assertEquals(Optional.empty(), r.cvc());
        assertEquals(Optional.empty(), r.holderName());
    }

    @Test
    void fromJson_emptyCvc_treatedAsAbsent() {
        PaymentRequest r = PaymentRequestReader.fromJson(JSON.replace("\"123\"", "\"\""));
        assertEquals(Optional.empty(), r.cvc());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "nope",
                "[]",
                "{\"amount\":1000,\"currency\":\"EUR\"}",
                "{\"amount\":1000,\"currency\":\"EUR\",\"card\":\"4111111111111111\"}"
            })
    void fromJson_malformedBodyOrNoCard_invalidRequest(String body) {
        assertError(ErrorCode.INVALID_REQUEST, () -> PaymentRequestReader.fromJson(body));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"amount\":1000",
                "\"amount\":10.5",
                "\"amount\":\"ten\"",
                "\"amount\":true",
                "\"amount\":1e30"
            })
    void fromJson_amountMissingOrNotWhole_invalidAmount(String replacement) {
        String body =
                JSON.replace(
                        "\"amount\":1000,",
                        replacement.equals("\"amount\":1000") ? "" : replacement + ",");
        assertError(ErrorCode.INVALID_AMOUNT, () -> PaymentRequestReader.fromJson(body));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"expYear\":\"203\"",
                "\"expYear\":\"20300\"",
                "\"expYear\":\"2o30\"",
                "\"expYear\":12.5",
                "\"expYear\":null",
                "\"expYear\":true"
            })
    void fromJson_badYear_invalidExpiry(String replacement) {
        assertError(
                ErrorCode.INVALID_EXPIRY,
                () -> PaymentRequestReader.fromJson(JSON.replace("\"expYear\":2030", replacement)));
    }

    @Test
    void fromJson_monthWithThreeDigits_invalidExpiry() {
        assertError(
                ErrorCode.INVALID_EXPIRY,
                () ->
                        PaymentRequestReader.fromJson(
                                JSON.replace("\"expMonth\":12", "\"expMonth\":\"012\"")));
    }

    @Test
    void fromJson_numberNotAString_invalidNumber() {
        assertError(
                ErrorCode.INVALID_NUMBER,
                () ->
                        PaymentRequestReader.fromJson(
                                JSON.replace("\"4111111111111111\"", "4111111111111111")));
    }

    @Test
    void fromJson_cvcAsNumber_invalidCvc() {
        assertError(
                ErrorCode.INVALID_CVC,
                () -> PaymentRequestReader.fromJson(JSON.replace("\"123\"", "123")));
    }

    @Test
    void fromForm_fullBody_readsEveryField() {
        PaymentRequest r =
                PaymentRequestReader.fromForm(
                        "amount=1000&currency=EUR&card%5Bnumber%5D=4111+1111+1111+1111"
                                + "&card[exp_month]=12&card[exp_year]=30&card[cvc]=123&card[holder_name]=Jane+Doe");

        assertEquals(1000, r.amount());
        assertEquals("EUR", r.currency());
        assertEquals("4111111111111111", r.number());
        assertEquals(12, r.expMonth());
        assertEquals(30, r.expYear());
        assertEquals(Optional.of("123"), r.cvc());
        assertEquals(Optional.of("Jane Doe"), r.holderName());
    }

    @Test
    void fromForm_repeatedField_invalidRequest() {
        assertError(
                ErrorCode.INVALID_REQUEST,
                () ->
                        PaymentRequestReader.fromForm(
                                "amount=1000&currency=EUR&card[number]=4111111111111111&card[number]=4000000000000002"
                                        + "&card[exp_month]=12&card[exp_year]=2030"));
    }

    @Test
    void fromForm_badPercentEscape_invalidRequest() {
        assertError(ErrorCode.INVALID_REQUEST, () -> PaymentRequestReader.fromForm("amount=%zz"));
    }

    @Test
    void fromForm_missingExpiry_invalidExpiry() {
        assertError(
                ErrorCode.INVALID_EXPIRY,
                () ->
                        PaymentRequestReader.fromForm(
                                "amount=1000&currency=EUR&card[number]=4111111111111111"));
    }

    @Test
    void fromForm_missingNumber_invalidNumber() {
        assertError(
                ErrorCode.INVALID_NUMBER,
                () -> PaymentRequestReader.fromForm("amount=1000&currency=EUR"));
    }

    @Test
    void fromForm_negativeAmount_invalidAmount() {
        assertError(
                ErrorCode.INVALID_AMOUNT,
                () -> PaymentRequestReader.fromForm("amount=-5&currency=EUR"));
    }

    private static void assertError(
            ErrorCode code, org.junit.jupiter.api.function.Executable call) {
        InvalidPaymentException e = assertThrows(InvalidPaymentException.class, call);
        assertEquals(code, e.code(), e.getMessage());
    }
}
