package io.cardvault.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.sandbox.entity.DeclineCode;
import io.cardvault.sandbox.entity.ErrorCode;
import io.cardvault.sandbox.entity.InvalidPaymentException;
import io.cardvault.sandbox.entity.PaymentRequest;
import io.cardvault.sandbox.entity.PaymentResult;
import io.cardvault.sandbox.entity.PaymentStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SandboxAcquirerTest {

    private static final Clock JUNE_2026 =
            Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);

    private final SandboxAcquirer acquirer = new SandboxAcquirer(JUNE_2026, new Random(42));

    static PaymentRequest request(long amount, String number, int month, int year, String cvc) {
        return new PaymentRequest(
                amount,
                "EUR",
                number,
                month,
                year,
                Optional.ofNullable(cvc),
                Optional.of("Jane Doe"));
    }

    static PaymentRequest card(String number, String cvc) {
        return request(1000, number, 12, 2030, cvc);
    }

    @ParameterizedTest
    @CsvSource({
        "4111111111111111, 123, visa, 1111",
        "5555555555554444, 123, mastercard, 4444",
        "378282246310005, 1234, amex, 0005",
        "6011111111111117, 123, discover, 1117",
        "4242424242424242, , visa, 4242"
    })
    void pay_validCard_approvedWith201(String number, String cvc, String brand, String last4) {
        PaymentResult result = acquirer.pay(card(number, cvc));

        assertEquals(PaymentStatus.APPROVED, result.status());
        assertEquals(201, result.httpStatus());
        assertEquals(Optional.empty(), result.declineCode());
        assertEquals(brand, result.brand());
        assertEquals(last4, result.last4());
        assertEquals(1000, result.amount());
        assertEquals("EUR", result.currency());
    }

    @ParameterizedTest
    @CsvSource({
        "4000000000000002, CARD_DECLINED",
        "4000000000009995, INSUFFICIENT_FUNDS",
        "4000000000000069, EXPIRED_CARD",
        "4000000000000127, INCORRECT_CVC"
    })
    void pay_testDeclineCard_declinedWith402(String number, DeclineCode code) {
        PaymentResult result = acquirer.pay(card(number, "123"));

        assertEquals(PaymentStatus.DECLINED, result.status());
        assertEquals(402, result.httpStatus());
        assertEquals(Optional.of(code), result.declineCode());
        assertEquals(number.substring(12), result.last4());
    }

    @ParameterizedTest
    @CsvSource({"99999999", "100000000", "9223372036854775807"})
    void pay_amountAtOrAboveLimit_declinedAmountTooLarge(long amount) {
        PaymentResult result = acquirer.pay(request(amount, "4111111111111111", 12, 2030, "123"));

        assertEquals(Optional.of(DeclineCode.AMOUNT_TOO_LARGE), result.declineCode());
        assertEquals(402, result.httpStatus());
    }

    @Test
    void pay_amountJustBelowLimit_approved() {
        assertTrue(
                acquirer.pay(request(99_999_998, "4111111111111111", 12, 2030, "123")).approved());
    }

    @ParameterizedTest
    @CsvSource({"5, 2026", "12, 2025", "5, 26", "1, 2000"})
    void pay_expiryInThePast_declinedExpiredCard(int month, int year) {
        PaymentResult result = acquirer.pay(request(1000, "4111111111111111", month, year, "123"));

        assertEquals(Optional.of(DeclineCode.EXPIRED_CARD), result.declineCode());
        assertEquals(402, result.httpStatus());
    }

    @ParameterizedTest
    @CsvSource({"6, 2026", "6, 26", "1, 2027", "12, 99"})
    void pay_expiryThisMonthOrLater_approved(int month, int year) {
        assertTrue(acquirer.pay(request(1000, "4111111111111111", month, year, "123")).approved());
    }

    @ParameterizedTest
    @CsvSource({
        "4111111111111112", // Luhn fails
        "41111111111111111", // 17 digits: not a Visa length
        "37828224631000", // amex needs 15
        "55555555555544", // mastercard needs 16
        "41111111111", // too short
        "41111111111111111111", // too long
        "4111a11111111111",
        "''"
    })
    void pay_badNumber_invalidNumber(String number) {
        assertError(ErrorCode.INVALID_NUMBER, card(number, "123"));
    }

    @ParameterizedTest
    @CsvSource({"0, 2030", "13, 2030", "-1, 2030", "12, 203", "12, 20301", "12, -5"})
    void pay_badExpiry_invalidExpiry(int month, int year) {
        assertError(
                ErrorCode.INVALID_EXPIRY, request(1000, "4111111111111111", month, year, "123"));
    }

    @ParameterizedTest
    @CsvSource({
        "4111111111111111, 12",
        "4111111111111111, 1234",
        "4111111111111111, 12a",
        "378282246310005, 123",
        "5555555555554444, 1234"
    })
    void pay_cvcOfWrongLengthForBrand_invalidCvc(String number, String cvc) {
        assertError(ErrorCode.INVALID_CVC, card(number, cvc));
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "-9223372036854775808"})
    void pay_amountNotPositive_invalidAmount(long amount) {
        assertError(ErrorCode.INVALID_AMOUNT, request(amount, "4111111111111111", 12, 2030, "123"));
    }

    @ParameterizedTest
    @CsvSource({"EU", "EURO", "E1R", "''", "€UR"})
    void pay_currencyNotThreeLetters_invalidRequest(String currency) {
        PaymentRequest r =
                new PaymentRequest(
                        1000,
                        currency,
                        "4111111111111111",
                        12,
                        2030,
                        Optional.empty(),
                        Optional.empty());
        assertError(ErrorCode.INVALID_REQUEST, r);
    }

    @Test
    void pay_lowerCaseCurrency_upperCasedInResult() {
        PaymentRequest r =
                new PaymentRequest(
                        1000,
                        "eur",
                        "4111111111111111",
                        12,
                        2030,
                        Optional.empty(),
                        Optional.empty());
        assertEquals("EUR", acquirer.pay(r).currency());
    }

    @Test
    void pay_validationBeforeDecline_badCvcOnDeclineCardIsInvalidCvc() {
        assertError(ErrorCode.INVALID_CVC, card("4000000000000002", "12"));
    }

    @Test
    void pay_anyCard_idIsPayPrefixedAndUnique() {
        PaymentResult a = acquirer.pay(card("4111111111111111", "123"));
        PaymentResult b = acquirer.pay(card("4111111111111111", "123"));

        assertTrue(a.id().matches("pay_[A-Za-z0-9]{24}"), a.id());
        assertNotEquals(a.id(), b.id());
    }

    @Test
    void pay_anyCard_resultCarriesLast4Only() {
        PaymentResult result = acquirer.pay(card("5555555555554444", "321"));

        String shown = result.toString();
        assertFalse(shown.contains("5555555555554444"), shown);
        assertFalse(shown.contains("555555"), shown);
        assertFalse(shown.contains("321"), shown);
        assertEquals("4444", result.last4());
    }

    @Test
    void paymentRequest_toString_masksNumberAndCvc() {
        String shown = card("4111111111111111", "987").toString();

        assertFalse(shown.contains("4111111111111111"), shown);
        assertFalse(shown.contains("1111"), shown);
        assertFalse(shown.contains("987"), shown);
    }

    @Test
    void invalidPayment_message_neverContainsTheNumber() {
        InvalidPaymentException e =
                assertThrows(
                        InvalidPaymentException.class,
                        () -> acquirer.pay(card("4111111111111112", "123")));
        assertFalse(e.getMessage().contains("4111111111111112"), e.getMessage());
    }

    private void assertError(ErrorCode code, PaymentRequest request) {
        InvalidPaymentException e =
                assertThrows(InvalidPaymentException.class, () -> acquirer.pay(request));
        assertEquals(code, e.code(), e.getMessage());
    }
}
