package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.cardvault.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Helpers of the forwarding tests: raw-byte forward requests, token creation, and assertions that
 * never put a card number into a failure message (digit runs that could be a PAN are masked).
 */
final class ForwardSupport {

    private static final Pattern PAN_LIKE = Pattern.compile("[0-9](?:[ -]?[0-9]){11,18}");

    private ForwardSupport() {}

    /**
     * Sends exactly these headers (name, value pairs; a null value skips the pair) to the forward
     * endpoint.
     */
    static Reply send(Api api, String method, byte[] body, String... headers) {
        return api.sendBytes(method, "api/v1/forward", body, headers);
    }

    static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Creates a token with the secret key (not rate limited in the IT setup) and returns its id.
     */
    static String token(
            Api api, String sk, String number, int month, int year, String cvc, String holder) {
        JsonObjectBuilder b =
                Json.createObjectBuilder()
                        .add("number", number)
                        .add("expiryMonth", month)
                        .add("expiryYear", year);
        if (cvc != null) {
            b.add("cvc", cvc);
        }
        if (holder != null) {
            b.add("holderName", holder);
        }
        Reply r = api.postJson("api/v1/tokens", b.build().toString(), "x-api-key", sk);
        assertEquals(201, r.status(), "tokenization failed: " + mask(r.body()));
        return r.json().getString("id");
    }

    /**
     * Replaces anything that looks like a card number (12-19 digits, optionally grouped) by a
     * placeholder.
     */
    static String mask(String text) {
        return text == null ? null : PAN_LIKE.matcher(text).replaceAll("<digits>");
    }

    /**
     * Like assertEquals for texts that may contain card data: the message shows positions and
     * masked context only.
     */
    static void assertSameText(String expected, String actual, String what) {
        if (expected.equals(actual)) {
            return;
        }
        if (actual == null) {
            fail(what + ": nothing received");
        }
        int i = 0;
        while (i < expected.length()
                && i < actual.length()
                && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 20);
        fail(
                what
                        + " differs at offset "
                        + i
                        + " (expected length "
                        + expected.length()
                        + ", actual "
                        + actual.length()
                        + "); expected near: ["
                        + mask(expected.substring(from, Math.min(expected.length(), i + 20)))
                        + "] actual near: ["
                        + mask(actual.substring(from, Math.min(actual.length(), i + 20)))
                        + "]");
    }
}
