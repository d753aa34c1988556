package io.cardvault.checkout.control;

import io.cardvault.checkout.entity.CheckoutProblem;
import io.cardvault.checkout.entity.NewSession;
import io.cardvault.platform.entity.FieldError;
import io.cardvault.platform.entity.ProblemException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Validates a session request: amount a positive whole number of minor units, an ISO 4217 currency,
 * success and cancel URLs on the tenant's allowed origins, a callback URL that the caller's check
 * accepts, and short texts without control characters. Every field error is collected; the messages
 * never repeat the input.
 */
public final class SessionRequestValidator {

    static final int MAX_TEXT = 200;
    static final int MAX_URL = 2000;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999");

    private final List<String> allowedOrigins;
    private final Function<String, Optional<String>> callbackProblem;
    private final List<FieldError> errors = new ArrayList<>();

    /**
     * @param callbackProblem for an absolute http(s) callback URL: empty if allowed, else a message
     *     saying why not (it must not repeat the URL)
     */
    public SessionRequestValidator(
            List<String> allowedOrigins, Function<String, Optional<String>> callbackProblem) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
        this.callbackProblem = callbackProblem;
    }

    public NewSession validate(JsonObject json) {
        long amount = amount(json.get("amount"));
        String currency = currency(json.get("currency"));
        Optional<String> description = text(json, "description");
        Optional<String> reference = text(json, "reference");
        String success = pageUrl(json, "successUrl");
        String cancel = pageUrl(json, "cancelUrl");
        Optional<String> callback = callbackUrl(json);
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    CheckoutProblem.INVALID_CHECKOUT_SESSION,
                    "the checkout session request is not valid",
                    errors);
        }
        return new NewSession(amount, currency, description, reference, success, cancel, callback);
    }

    private long amount(JsonValue v) {
        if (v == null || v == JsonValue.NULL) {
            return error("amount", "required", "amount is required");
        }
        if (!(v instanceof JsonNumber n)) {
            return error("amount", "invalid-type", "amount must be a JSON number (minor units)");
        }
        BigDecimal d = n.bigDecimalValue();
        if (d.signum() <= 0) {
            return error("amount", "not-positive", "amount must be greater than zero");
        }
        if (d.compareTo(MAX_AMOUNT) > 0) {
            return error("amount", "too-large", "amount must be at most " + MAX_AMOUNT);
        }
        if (d.stripTrailingZeros().scale() > 0) {
            return error(
                    "amount", "not-an-integer", "amount must be a whole number of minor units");
        }
        return d.longValueExact();
    }

    private String currency(JsonValue v) {
        if (v == null || v == JsonValue.NULL) {
            error("currency", "required", "currency is required");
            return null;
        }
        if (!(v instanceof JsonString s) || !s.getString().matches("[A-Z]{3}")) {
            error("currency", "unknown-currency", "currency must be an ISO 4217 code like EUR");
            return null;
        }
        try {
            return Currency.getInstance(s.getString()).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            error("currency", "unknown-currency", "currency must be an ISO 4217 code like EUR");
            return null;
        }
    }

    private Optional<String> text(JsonObject json, String field) {
        JsonValue v = json.get(field);
        if (v == null || v == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(v instanceof JsonString s)) {
            error(field, "invalid-type", field + " must be a string");
            return Optional.empty();
        }
        String text = s.getString();
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            error(field, "too-long", field + " must be at most " + MAX_TEXT + " characters");
        }
        if (text.codePoints().anyMatch(SessionRequestValidator::isControl)) {
            error(field, "control-characters", field + " must not contain control characters");
        }
        return Optional.of(text);
    }

    /** C0/C1 controls, DEL, line/paragraph separators and bidirectional overrides. */
    static boolean isControl(int cp) {
        return Character.isISOControl(cp)
                || cp == 0x2028
                || cp == 0x2029
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    private String pageUrl(JsonObject json, String field) {
        Optional<URI> uri = absoluteUrl(json, field, true);
        if (uri.isEmpty()) {
            return null;
        }
        if (!OriginRules.allowed(OriginRules.originOf(uri.get()), allowedOrigins)) {
            error(field, "origin-not-allowed", field + " must be on one of the allowedOrigins");
        }
        return uri.get().toString();
    }

    private Optional<String> callbackUrl(JsonObject json) {
        Optional<URI> uri = absoluteUrl(json, "callbackUrl", false);
        if (uri.isEmpty()) {
            return Optional.empty();
        }
        String url = uri.get().toString();
        callbackProblem
                .apply(url)
                .ifPresent(message -> error("callbackUrl", "destination-not-allowed", message));
        return Optional.of(url);
    }

    private Optional<URI> absoluteUrl(JsonObject json, String field, boolean required) {
        JsonValue v = json.get(field);
        if (v == null || v == JsonValue.NULL) {
            if (required) {
                error(field, "required", field + " is required");
            }
            return Optional.empty();
        }
        if (!(v instanceof JsonString s)) {
            error(field, "invalid-type", field + " must be a string");
            return Optional.empty();
        }
        String raw = s.getString();
        if (raw.length() > MAX_URL) {
            error(field, "too-long", field + " must be at most " + MAX_URL + " characters");
            return Optional.empty();
        }
        try {
            URI uri = new URI(raw);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                error(field, "unsupported-scheme", field + " must be an http or https URL");
                return Optional.empty();
            }
            if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.isOpaque()) {
                error(field, "invalid-url", field + " must be an absolute URL without user info");
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            error(field, "invalid-url", field + " must be an absolute http or https URL");
            return Optional.empty();
        }
    }

    private long error(String field, String code, String message) {
        errors.add(new FieldError(field, code, message));
        return 0;
    }
}
