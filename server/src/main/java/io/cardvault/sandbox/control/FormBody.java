package io.cardvault.sandbox.control;

import io.cardvault.sandbox.entity.ErrorCode;
import io.cardvault.sandbox.entity.InvalidPaymentException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} decoding of a body we read ourselves (so the size limit
 * applies before any parsing). Repeated names are refused rather than silently picking one.
 */
final class FormBody {

    private FormBody() {}

    static Map<String, String> parse(String body) {
        Map<String, String> fields = new HashMap<>();
        if (body.isBlank()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (fields.putIfAbsent(name, value) != null) {
                throw new InvalidPaymentException(
                        ErrorCode.INVALID_REQUEST,
                        "form field " + name + " appears more than once");
            }
        }
        return fields;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidPaymentException(
                    ErrorCode.INVALID_REQUEST, "form body is not properly URL-encoded");
        }
    }
}
