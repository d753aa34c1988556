package io.cardvault.sandbox.control;

import io.cardvault.platform.control.JsonFactories;
import io.cardvault.sandbox.entity.ErrorCode;
import io.cardvault.sandbox.entity.InvalidPaymentException;
import io.cardvault.sandbox.entity.PaymentRequest;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a JSON or form body into a {@link PaymentRequest}. Lenient where forwarding templates
 * differ (month and year as numbers or digit strings, spaces or dashes in the number), strict about
 * types otherwise. Error messages name fields, never their values.
 *
 * <p>JSON: {@code {"amount":1000,"currency":"EUR","card":{"number":"4111111111111111",
 * "expMonth":12,"expYear":2030,"cvc":"123","holderName":"Jane Doe"}}}.
 *
 * <p>Form: {@code amount}, {@code currency}, {@code card[number]}, {@code card[exp_month]}, {@code
 * card[exp_year]}, {@code card[cvc]}, {@code card[holder_name]}.
 */
public final class PaymentRequestReader {

    private PaymentRequestReader() {}

    public static PaymentRequest fromJson(String body) {
        JsonObject root = parseObject(body);
        JsonValue cardValue = root.get("card");
        if (!(cardValue instanceof JsonObject card)) {
            throw new InvalidPaymentException(ErrorCode.INVALID_REQUEST, "card must be an object");
        }
        return new PaymentRequest(
                jsonAmount(root.get("amount")),
                jsonText(root.get("currency"), ErrorCode.INVALID_REQUEST, "currency")
                        .orElseThrow(() -> missing(ErrorCode.INVALID_REQUEST, "currency")),
                digitsOfNumber(
                        jsonText(card.get("number"), ErrorCode.INVALID_NUMBER, "card.number")),
                jsonExpiry(card.get("expMonth"), "card.expMonth", false),
                jsonExpiry(card.get("expYear"), "card.expYear", true),
                jsonText(card.get("cvc"), ErrorCode.INVALID_CVC, "card.cvc")
                        .filter(c -> !c.isEmpty()),
                jsonText(card.get("holderName"), ErrorCode.INVALID_REQUEST, "card.holderName"));
    }

    public static PaymentRequest fromForm(String body) {
        Map<String, String> form = FormBody.parse(body);
        return new PaymentRequest(
                amountText(Optional.ofNullable(form.get("amount"))),
                Optional.ofNullable(form.get("currency"))
                        .orElseThrow(() -> missing(ErrorCode.INVALID_REQUEST, "currency")),
                digitsOfNumber(Optional.ofNullable(form.get("card[number]"))),
                expiryText(form.get("card[exp_month]"), "card[exp_month]", false),
                expiryText(form.get("card[exp_year]"), "card[exp_year]", true),
                Optional.ofNullable(form.get("card[cvc]")).filter(c -> !c.isEmpty()),
                Optional.ofNullable(form.get("card[holder_name]")));
    }

    private static JsonObject parseObject(String body) {
        try (JsonReader reader = JsonFactories.reader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidPaymentException(ErrorCode.INVALID_REQUEST, "body is not valid JSON");
        }
        throw new InvalidPaymentException(ErrorCode.INVALID_REQUEST, "body must be a JSON object");
    }

    private static Optional<String> jsonText(JsonValue value, ErrorCode code, String field) {
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        throw new InvalidPaymentException(code, field + " must be a string");
    }

    private static long jsonAmount(JsonValue value) {
        if (value instanceof JsonNumber n) {
            try {
                return n.bigDecimalValue().longValueExact();
            } catch (ArithmeticException e) {
                throw new InvalidPaymentException(
                        ErrorCode.INVALID_AMOUNT, "amount must be a whole number of minor units");
            }
        }
        if (value instanceof JsonString s) {
            return amountText(Optional.of(s.getString()));
        }
        throw missing(ErrorCode.INVALID_AMOUNT, "amount");
    }

    private static long amountText(Optional<String> text) {
        String amount = text.orElseThrow(() -> missing(ErrorCode.INVALID_AMOUNT, "amount"));
        if (!isDigits(amount, 1, 18)) {
            throw new InvalidPaymentException(
                    ErrorCode.INVALID_AMOUNT, "amount must be a whole number of minor units");
        }
        return Long.parseLong(amount);
    }

    private static int jsonExpiry(JsonValue value, String field, boolean year) {
        if (value instanceof JsonNumber n
                && n.isIntegral()
                && n.bigDecimalValue().abs().longValue() < 100_000) {
            return n.intValue();
        }
        if (value instanceof JsonString s) {
            return expiryText(s.getString(), field, year);
        }
        if (value == null || value == JsonValue.NULL) {
            throw missing(ErrorCode.INVALID_EXPIRY, field);
        }
        throw new InvalidPaymentException(
                ErrorCode.INVALID_EXPIRY, field + " must be a number or a digit string");
    }

    /** Month strings have 1 or 2 digits, year strings exactly 2 or 4. */
    private static int expiryText(String text, String field, boolean year) {
        if (text == null) {
            throw missing(ErrorCode.INVALID_EXPIRY, field);
        }
        boolean lengthOk =
                year
                        ? text.length() == 2 || text.length() == 4
                        : text.length() == 1 || text.length() == 2;
        if (!lengthOk || !isDigits(text, 1, 4)) {
            throw new InvalidPaymentException(
                    ErrorCode.INVALID_EXPIRY,
                    field + " must have " + (year ? "2 or 4" : "1 or 2") + " digits");
        }
        return Integer.parseInt(text);
    }

    private static String digitsOfNumber(Optional<String> number) {
        return number.map(n -> n.replace(" ", "").replace("-", ""))
                .orElseThrow(() -> missing(ErrorCode.INVALID_NUMBER, "card number"));
    }

    private static boolean isDigits(String s, int minLength, int maxLength) {
        return s.length() >= minLength
                && s.length() <= maxLength
                && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static InvalidPaymentException missing(ErrorCode code, String field) {
        return new InvalidPaymentException(code, field + " is required");
    }
}
