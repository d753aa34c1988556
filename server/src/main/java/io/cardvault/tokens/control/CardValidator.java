package io.cardvault.tokens.control;

import io.cardvault.cards.control.BrandCatalog;
import io.cardvault.cards.control.ExpiryRules;
import io.cardvault.cards.control.Luhn;
import io.cardvault.cards.entity.Brand;
import io.cardvault.cards.entity.CardNumber;
import io.cardvault.platform.entity.FieldError;
import io.cardvault.tokens.entity.CardInput;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a tokenization request into {@link CardInput} or field errors with the codes of the API
 * contract. Every check works on the JSON value's type first, so numbers where strings belong,
 * nulls, unicode digits and absurd sizes all end in a 422 — never in an exception. Messages never
 * repeat the submitted value.
 */
public final class CardValidator {

    public static final int MAX_HOLDER_NAME = 100;

    private final BrandCatalog brands;

    public CardValidator(BrandCatalog brands) {
        this.brands = brands;
    }

    public sealed interface Result permits Valid, Invalid {}

    public record Valid(CardInput card) implements Result {}

    public record Invalid(List<FieldError> errors) implements Result {}

    public Result validate(JsonObject json, YearMonth now) {
        List<FieldError> errors = new ArrayList<>();
        String digits = number(json.get("number"), errors);
        Brand brand = digits == null ? brands.unknown() : brands.detect(digits);
        if (digits != null) {
            checkNumber(digits, brand, errors);
        }
        Integer month = intField(json.get("expiryMonth"), "expiryMonth", errors);
        Integer year = intField(json.get("expiryYear"), "expiryYear", errors);
        if (month != null && !ExpiryRules.isValidMonth(month)) {
            errors.add(
                    new FieldError("expiryMonth", "invalid-month", "expiryMonth must be 1 to 12"));
            month = null;
        }
        if (year != null) {
            int normalized = ExpiryRules.normalizeYear(year);
            if (normalized < 0) {
                errors.add(
                        new FieldError(
                                "expiryYear",
                                "invalid-length",
                                "expiryYear must have 2 or 4 digits"));
                year = null;
            } else {
                year = normalized;
            }
        }
        if (month != null && year != null && ExpiryRules.isExpired(month, year, now)) {
            String field = year < now.getYear() ? "expiryYear" : "expiryMonth";
            errors.add(new FieldError(field, "expired", "the card has expired"));
        }
        Optional<String> cvc = cvc(json.get("cvc"), brand, errors);
        Optional<String> holder = holderName(json.get("holderName"), errors);
        Optional<String> postalCode = postalCode(json.get("postalCode"), errors);
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        return new Valid(
                new CardInput(CardNumber.of(digits), month, year, cvc, holder, brand, postalCode));
    }

    public static YearMonth currentMonth() {
        return YearMonth.now(ZoneOffset.UTC);
    }

    private static String number(JsonValue v, List<FieldError> errors) {
        if (v == null
                || v == JsonValue.NULL
                || (v instanceof JsonString s && s.getString().isBlank())) {
            errors.add(new FieldError("number", "required", "number is required"));
            return null;
        }
        if (!(v instanceof JsonString s)) {
            errors.add(
                    new FieldError(
                            "number",
                            "unsupported-characters",
                            "number must be a string of digits"));
            return null;
        }
        String raw = s.getString();
        if (raw.length() > 40) {
            errors.add(
                    new FieldError("number", "invalid-length", "number must have 12 to 19 digits"));
            return null;
        }
        StringBuilder digits = new StringBuilder(19);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-') {
                errors.add(
                        new FieldError(
                                "number",
                                "unsupported-characters",
                                "number may contain only digits, spaces and dashes"));
                return null;
            }
        }
        return digits.toString();
    }

    private static void checkNumber(String digits, Brand brand, List<FieldError> errors) {
        if (digits.length() < 12 || digits.length() > 19 || !brand.acceptsLength(digits.length())) {
            errors.add(
                    new FieldError(
                            "number",
                            "invalid-length",
                            "number has the wrong length for a " + brand.name() + " card"));
        } else if (!Luhn.isValid(digits)) {
            errors.add(
                    new FieldError("number", "invalid-luhn", "number is not a valid card number"));
        }
    }

    private static Integer intField(JsonValue v, String field, List<FieldError> errors) {
        if (v == null
                || v == JsonValue.NULL
                || (v instanceof JsonString s && s.getString().isBlank())) {
            errors.add(new FieldError(field, "required", field + " is required"));
            return null;
        }
        if (v instanceof JsonNumber n) {
            if (n.isIntegral()
                    && n.bigDecimalValue().abs().compareTo(java.math.BigDecimal.valueOf(100_000))
                            < 0) {
                return n.intValue();
            }
        } else if (v instanceof JsonString s
                && s.getString().length() <= 4
                && s.getString().chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Integer.parseInt(s.getString());
        }
        String code = field.equals("expiryMonth") ? "invalid-month" : "unsupported-characters";
        errors.add(new FieldError(field, code, field + " must be a number"));
        return null;
    }

    private static Optional<String> cvc(JsonValue v, Brand brand, List<FieldError> errors) {
        if (v == null || v == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(v instanceof JsonString s) || !isCvc(s.getString(), brand)) {
            errors.add(
                    new FieldError(
                            "cvc", "invalid-cvc", "cvc must be " + cvcLengths(brand) + " digits"));
            return Optional.empty();
        }
        return Optional.of(s.getString());
    }

    /**
     * The CVC rule shared with re-collection: exactly the brand's length (3 or 4 when the brand is
     * unknown).
     */
    public static boolean isCvc(String cvc, Brand brand) {
        return brand.acceptsCvc(cvc);
    }

    static String cvcLengths(Brand brand) {
        return brand.cvcLengthText();
    }

    private static final java.util.regex.Pattern POSTAL_CODE =
            java.util.regex.Pattern.compile("[A-Za-z0-9 -]*");

    /** Optional, 1 to 10 of letters, digits, space and dash; never echoed in a message. */
    private static Optional<String> postalCode(JsonValue v, List<FieldError> errors) {
        if (v == null || v == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(v instanceof JsonString s) || !POSTAL_CODE.matcher(s.getString()).matches()) {
            errors.add(
                    new FieldError(
                            "postalCode",
                            "unsupported-characters",
                            "postalCode may hold letters, digits, space and dash only"));
            return Optional.empty();
        }
        String code = s.getString().strip();
        if (code.isEmpty() || code.length() > 10) {
            errors.add(
                    new FieldError(
                            "postalCode",
                            "invalid-length",
                            "postalCode must be 1 to 10 characters"));
            return Optional.empty();
        }
        return Optional.of(code);
    }

    private static Optional<String> holderName(JsonValue v, List<FieldError> errors) {
        if (v == null || v == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(v instanceof JsonString s)) {
            errors.add(
                    new FieldError(
                            "holderName", "unsupported-characters", "holderName must be a string"));
            return Optional.empty();
        }
        String name = s.getString().strip();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (name.codePointCount(0, name.length()) > MAX_HOLDER_NAME) {
            errors.add(
                    new FieldError(
                            "holderName",
                            "invalid-length",
                            "holderName must be at most " + MAX_HOLDER_NAME + " characters"));
            return Optional.empty();
        }
        if (name.codePoints()
                .anyMatch(
                        c ->
                                Character.isISOControl(c)
                                        || Character.getType(c) == Character.FORMAT
                                        || c == 0x2028
                                        || c == 0x2029)) {
            errors.add(
                    new FieldError(
                            "holderName",
                            "unsupported-characters",
                            "holderName must not contain control characters"));
            return Optional.empty();
        }
        return Optional.of(name);
    }
}
