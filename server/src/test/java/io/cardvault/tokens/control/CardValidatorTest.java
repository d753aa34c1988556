package io.cardvault.tokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.cards.control.BrandCatalog;
import io.cardvault.platform.entity.FieldError;
import io.cardvault.tokens.control.CardValidator.Invalid;
import io.cardvault.tokens.control.CardValidator.Result;
import io.cardvault.tokens.control.CardValidator.Valid;
import io.cardvault.tokens.entity.CardInput;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CardValidatorTest {

    private static final YearMonth NOW = YearMonth.of(2026, 11);
    private static final String VISA = "4111111111111111";
    private static final String MASTERCARD = "5555555555554444";
    private static final String AMEX = "378282246310005";

    private final CardValidator validator = new CardValidator(BrandCatalog.standard());

    private static JsonObjectBuilder card(String number) {
        return Json.createObjectBuilder()
                .add("number", number)
                .add("expiryMonth", 12)
                .add("expiryYear", 2030);
    }

    private Result validate(JsonObjectBuilder b) {
        return validator.validate(b.build(), NOW);
    }

    private CardInput valid(JsonObjectBuilder b) {
        Result r = validate(b);
        assertInstanceOf(Valid.class, r, () -> "expected Valid but got errors " + codes(r));
        return ((Valid) r).card();
    }

    private List<FieldError> invalid(JsonObjectBuilder b) {
        Result r = validate(b);
        assertInstanceOf(Invalid.class, r, "expected Invalid");
        List<FieldError> errors = ((Invalid) r).errors();
        assertFalse(errors.isEmpty());
        return errors;
    }

    /**
     * field:code pairs only — never the messages, so nothing submitted can appear in test output.
     */
    private static String codes(Result r) {
        return r instanceof Invalid i
                ? i.errors().stream()
                        .map(e -> e.field() + ":" + e.code())
                        .collect(Collectors.joining(", "))
                : "none";
    }

    private static void assertSingleError(List<FieldError> errors, String field, String code) {
        String actual =
                errors.stream()
                        .map(e -> e.field() + ":" + e.code())
                        .collect(Collectors.joining(", "));
        assertEquals(field + ":" + code, actual);
    }

    private static void assertHasError(List<FieldError> errors, String field, String code) {
        String actual =
                errors.stream()
                        .map(e -> e.field() + ":" + e.code())
                        .collect(Collectors.joining(", "));
        assertTrue(
                errors.stream().anyMatch(e -> e.field().equals(field) && e.code().equals(code)),
                "expected " + field + ":" + code + " among [" + actual + "]");
    }

    // --- valid input ---------------------------------------------------------------------------

    @Test
    void validate_visaWithSpacesAndDashes_validVisa() {
        CardInput in =
                valid(
                        card("4111 1111-1111 1111")
                                .add("cvc", "123")
                                .add("holderName", "  Jane Doe "));
        assertEquals("visa", in.brand().id());
        assertEquals("411111******1111", in.number().masked());
        assertEquals(12, in.expiryMonth());
        assertEquals(2030, in.expiryYear());
        assertEquals(Optional.of("123"), in.cvc());
        assertEquals(Optional.of("Jane Doe"), in.holderName());
    }

    @Test
    void validate_amexWithFourDigitCvc_validAmex() {
        CardInput in = valid(card(AMEX).add("cvc", "1234"));
        assertEquals("amex", in.brand().id());
        assertEquals("378282*****0005", in.number().masked());
    }

    @Test
    void validate_withoutOptionalFields_emptyCvcAndHolder() {
        CardInput in = valid(card(MASTERCARD));
        assertEquals("mastercard", in.brand().id());
        assertEquals(Optional.empty(), in.cvc());
        assertEquals(Optional.empty(), in.holderName());
    }

    @Test
    void validate_nullCvcAndHolderName_treatedAsAbsent() {
        CardInput in = valid(card(VISA).addNull("cvc").addNull("holderName"));
        assertEquals(Optional.empty(), in.cvc());
        assertEquals(Optional.empty(), in.holderName());
    }

    @Test
    void validate_monthAndYearAsStrings_accepted() {
        CardInput in =
                valid(
                        Json.createObjectBuilder()
                                .add("number", VISA)
                                .add("expiryMonth", "07")
                                .add("expiryYear", "2031"));
        assertEquals(7, in.expiryMonth());
        assertEquals(2031, in.expiryYear());
    }

    @Test
    void validate_twoDigitYear30_normalisedTo2030() {
        CardInput in = valid(card(VISA).add("expiryYear", 30));
        assertEquals(2030, in.expiryYear());
        assertEquals(2030, valid(card(VISA).add("expiryYear", "30")).expiryYear());
    }

    @Test
    void validate_currentMonth_notExpired() {
        CardInput in = valid(card(VISA).add("expiryMonth", 11).add("expiryYear", 2026));
        assertEquals(11, in.expiryMonth());
    }

    @Test
    void validate_unknownBrandWithThreeOrFourDigitCvc_valid() {
        String unknown = "1234567812345670";
        assertEquals("unknown", valid(card(unknown).add("cvc", "123")).brand().id());
        assertEquals("unknown", valid(card(unknown).add("cvc", "1234")).brand().id());
    }

    @Test
    void cardInput_toString_hidesPanAndCvc() {
        CardInput in = valid(card(VISA).add("cvc", "123"));
        String s = in.toString();
        assertFalse(s.contains(VISA), "toString must not contain the PAN");
        assertFalse(s.contains("123"), "toString must not contain the CVC");
    }

    // --- required ------------------------------------------------------------------------------

    @Test
    void validate_missingNumber_required() {
        assertSingleError(
                invalid(Json.createObjectBuilder().add("expiryMonth", 12).add("expiryYear", 2030)),
                "number",
                "required");
    }

    @Test
    void validate_nullNumber_required() {
        assertSingleError(invalid(card(VISA).addNull("number")), "number", "required");
    }

    @Test
    void validate_blankNumber_required() {
        assertSingleError(invalid(card("   ")), "number", "required");
        assertSingleError(invalid(card("")), "number", "required");
    }

    @Test
    void validate_missingMonth_required() {
        assertSingleError(
                invalid(Json.createObjectBuilder().add("number", VISA).add("expiryYear", 2030)),
                "expiryMonth",
                "required");
    }

    @Test
    void validate_missingYear_required() {
        assertSingleError(
                invalid(Json.createObjectBuilder().add("number", VISA).add("expiryMonth", 12)),
                "expiryYear",
                "required");
    }

    @Test
    void validate_emptyObject_requiredForAllThree() {
        List<FieldError> errors = invalid(Json.createObjectBuilder());
        assertEquals(3, errors.size());
        assertHasError(errors, "number", "required");
        assertHasError(errors, "expiryMonth", "required");
        assertHasError(errors, "expiryYear", "required");
    }

    // --- number --------------------------------------------------------------------------------

    @Test
    void validate_luhnFailure_invalidLuhn() {
        assertSingleError(invalid(card("4111111111111112")), "number", "invalid-luhn");
    }

    @Test
    void validate_tooShort_invalidLength() {
        assertSingleError(invalid(card("41111111111")), "number", "invalid-length");
    }

    @Test
    void validate_tooLong_invalidLength() {
        assertSingleError(invalid(card("41111111111111111111")), "number", "invalid-length");
        assertSingleError(
                invalid(card("4111 ".repeat(10))),
                "number",
                "invalid-length"); // over 40 characters
    }

    @Test
    void validate_amexLengthOnVisa_invalidLength() {
        // 15 digits starting with 4: a valid amex length, not a visa one
        assertSingleError(invalid(card("411111111111111")), "number", "invalid-length");
    }

    @Test
    void validate_onlySeparators_errorOnNumber() {
        List<FieldError> errors = invalid(card("- - -"));
        assertEquals(1, errors.size());
        assertEquals("number", errors.get(0).field());
    }

    @Test
    void validate_letters_unsupportedCharacters() {
        assertSingleError(invalid(card("4111 1111 1111 111a")), "number", "unsupported-characters");
        assertSingleError(invalid(card("4111.1111.1111.1111")), "number", "unsupported-characters");
    }

    @Test
    void validate_unicodeDigits_unsupportedCharacters() {
        assertSingleError(invalid(card("٤١١١١١١١١١١١١١١١")), "number", "unsupported-characters");
        assertSingleError(invalid(card("４１１１１１１１１１１１１１１１")), "number", "unsupported-characters");
    }

    @Test
    void validate_numberAsJsonNumber_unsupportedCharacters() {
        JsonObjectBuilder b =
                Json.createObjectBuilder()
                        .add("number", Long.parseLong(VISA))
                        .add("expiryMonth", 12)
                        .add("expiryYear", 2030);
        assertSingleError(invalid(b), "number", "unsupported-characters");
    }

    @Test
    void validate_numberAsArrayOrObject_unsupportedCharacters() {
        assertSingleError(
                invalid(card(VISA).add("number", Json.createArrayBuilder().add(VISA))),
                "number",
                "unsupported-characters");
        assertSingleError(
                invalid(card(VISA).add("number", Json.createObjectBuilder())),
                "number",
                "unsupported-characters");
        assertSingleError(
                invalid(card(VISA).add("number", true)), "number", "unsupported-characters");
    }

    // --- expiry --------------------------------------------------------------------------------

    @Test
    void validate_pastYear_expiredOnExpiryYear() {
        assertSingleError(
                invalid(card(VISA).add("expiryMonth", 12).add("expiryYear", 2025)),
                "expiryYear",
                "expired");
    }

    @Test
    void validate_sameYearEarlierMonth_expiredOnExpiryMonth() {
        assertSingleError(
                invalid(card(VISA).add("expiryMonth", 10).add("expiryYear", 2026)),
                "expiryMonth",
                "expired");
    }

    @Test
    void validate_twoDigitPastYear_expired() {
        assertSingleError(invalid(card(VISA).add("expiryYear", 25)), "expiryYear", "expired");
    }

    @Test
    void validate_monthZero_invalidMonth() {
        assertSingleError(
                invalid(card(VISA).add("expiryMonth", 0)), "expiryMonth", "invalid-month");
    }

    @Test
    void validate_month13_invalidMonth() {
        assertSingleError(
                invalid(card(VISA).add("expiryMonth", 13)), "expiryMonth", "invalid-month");
    }

    @Test
    void validate_monthLetters_invalidMonth() {
        assertSingleError(
                invalid(card(VISA).add("expiryMonth", "ab")), "expiryMonth", "invalid-month");
    }

    @Test
    void validate_monthFractionOrNegative_invalidMonth() {
        assertSingleError(
                invalid(card(VISA).add("expiryMonth", 1.5)), "expiryMonth", "invalid-month");
        assertSingleError(
                invalid(card(VISA).add("expiryMonth", -1)), "expiryMonth", "invalid-month");
        assertSingleError(
                invalid(card(VISA).add("expiryMonth", 1e12)), "expiryMonth", "invalid-month");
    }

    @Test
    void validate_yearWithThreeDigits_invalidLength() {
        assertSingleError(
                invalid(card(VISA).add("expiryYear", 203)), "expiryYear", "invalid-length");
        assertSingleError(
                invalid(card(VISA).add("expiryYear", 20300)), "expiryYear", "invalid-length");
    }

    @Test
    void validate_yearLetters_unsupportedCharacters() {
        assertSingleError(
                invalid(card(VISA).add("expiryYear", "20x0")),
                "expiryYear",
                "unsupported-characters");
    }

    // --- cvc -----------------------------------------------------------------------------------

    @Test
    void validate_twoDigitCvcOnVisa_invalidCvc() {
        assertSingleError(invalid(card(VISA).add("cvc", "12")), "cvc", "invalid-cvc");
    }

    @Test
    void validate_fourDigitCvcOnVisa_invalidCvc() {
        assertSingleError(invalid(card(VISA).add("cvc", "1234")), "cvc", "invalid-cvc");
    }

    @Test
    void validate_threeDigitCvcOnAmex_invalidCvc() {
        assertSingleError(invalid(card(AMEX).add("cvc", "123")), "cvc", "invalid-cvc");
    }

    @Test
    void validate_cvcLettersOrEmpty_invalidCvc() {
        assertSingleError(invalid(card(VISA).add("cvc", "12a")), "cvc", "invalid-cvc");
        assertSingleError(invalid(card(VISA).add("cvc", "")), "cvc", "invalid-cvc");
        assertSingleError(invalid(card(VISA).add("cvc", "١٢٣")), "cvc", "invalid-cvc");
    }

    @Test
    void validate_cvcAsJsonNumber_invalidCvc() {
        assertSingleError(invalid(card(VISA).add("cvc", 123)), "cvc", "invalid-cvc");
    }

    // --- holderName ----------------------------------------------------------------------------

    @Test
    void validate_holderName101Chars_invalidLength() {
        assertSingleError(
                invalid(card(VISA).add("holderName", "a".repeat(101))),
                "holderName",
                "invalid-length");
    }

    @Test
    void validate_holderName100Chars_valid() {
        assertEquals(
                100,
                valid(card(VISA).add("holderName", "a".repeat(100)))
                        .holderName()
                        .orElseThrow()
                        .length());
    }

    @Test
    void validate_holderNameWithControlCharacter_unsupportedCharacters() {
        assertSingleError(
                invalid(card(VISA).add("holderName", "Jane\u0000Doe")),
                "holderName",
                "unsupported-characters");
        assertSingleError(
                invalid(card(VISA).add("holderName", "Jane\u001bDoe")),
                "holderName",
                "unsupported-characters");
        assertSingleError(
                invalid(card(VISA).add("holderName", "Jane\u202eDoe")),
                "holderName",
                "unsupported-characters");
        assertSingleError(
                invalid(card(VISA).add("holderName", "Jane\u2028Doe")),
                "holderName",
                "unsupported-characters");
    }

    @Test
    void validate_holderNameNotString_unsupportedCharacters() {
        assertSingleError(
                invalid(card(VISA).add("holderName", 42)), "holderName", "unsupported-characters");
    }

    // --- messages ------------------------------------------------------------------------------

    @Test
    void validate_anyError_messagesNeverContainSubmittedNumber() {
        List<String> numbers =
                List.of(
                        "4111111111111112", // luhn
                        "411111111111111", // length
                        "4111 1111 1111 111a", // characters
                        "5555555555554444", // valid number, expired below
                        "378282246310005"); // valid number, wrong cvc below
        for (int i = 0; i < numbers.size(); i++) {
            String n = numbers.get(i);
            Result r =
                    validate(
                            card(n).add("expiryYear", 2020)
                                    .add("cvc", "12")
                                    .add("holderName", "x\u0000"));
            assertInstanceOf(Invalid.class, r, "vector #" + i);
            String digits = n.replaceAll("\\D", "");
            for (FieldError e : ((Invalid) r).errors()) {
                assertFalse(
                        e.message().contains(n)
                                || e.message().contains(digits)
                                || e.message().contains(digits.substring(0, 6)),
                        "error message for "
                                + e.field()
                                + " of vector #"
                                + i
                                + " contains the submitted number");
            }
        }
    }

    @Test
    void isCvc_brandRules_exactLength() {
        BrandCatalog c = BrandCatalog.standard();
        assertTrue(CardValidator.isCvc("123", c.detect(VISA)));
        assertFalse(CardValidator.isCvc("1234", c.detect(VISA)));
        assertTrue(CardValidator.isCvc("1234", c.detect(AMEX)));
        assertFalse(CardValidator.isCvc("123", c.detect(AMEX)));
        assertFalse(CardValidator.isCvc(null, c.detect(VISA)));
        assertFalse(CardValidator.isCvc("12", c.unknown()));
        assertFalse(CardValidator.isCvc("12345", c.unknown()));
    }

    @Test
    void validate_postalCode_keptStrippedOrRefusedWithFieldCode() {
        assertEquals(
                java.util.Optional.of("SW1A 1AA"),
                valid(card("4111111111111111").add("postalCode", " SW1A 1AA ")).postalCode());
        assertEquals(java.util.Optional.empty(), valid(card("4111111111111111")).postalCode());
        List<FieldError> bad = invalid(card("4111111111111111").add("postalCode", "12345<>"));
        assertEquals("postalCode", bad.get(0).field());
        assertEquals("unsupported-characters", bad.get(0).code());
        List<FieldError> tooLong =
                invalid(card("4111111111111111").add("postalCode", "12345678901"));
        assertEquals("invalid-length", tooLong.get(0).code());
        List<FieldError> notText = invalid(card("4111111111111111").add("postalCode", 12345));
        assertEquals("unsupported-characters", notText.get(0).code());
    }
}
