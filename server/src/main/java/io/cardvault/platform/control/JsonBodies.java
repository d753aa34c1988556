package io.cardvault.platform.control;

import io.cardvault.platform.entity.CommonProblem;
import io.cardvault.platform.entity.ProblemException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.Arrays;

/**
 * Reads request bodies defensively: a byte limit (413), strict UTF-8, a nesting limit checked
 * before parsing, and a JSON object at the top — every way a body can be wrong ends as a 4xx.
 */
public final class JsonBodies {

    public static final int MAX_DEPTH = 32;

    private JsonBodies() {}

    /**
     * The whole body, at most {@code maxBytes} ({@code 413 payload-too-large} beyond). Sized by
     * what the stream says it holds ({@link InputStream#available()}: the body intake has read the
     * whole body before the resource runs), so a 100-byte body costs about 100 bytes, not the two 8
     * KB buffers of a general-purpose copy; a stream that says nothing grows from 1 KB.
     */
    public static byte[] readLimited(InputStream in, int maxBytes) {
        if (in == null) {
            return new byte[0];
        }
        int cap = maxBytes == Integer.MAX_VALUE ? maxBytes : maxBytes + 1; // one over: too large
        try {
            int hint = in.available();
            byte[] buf = new byte[(int) Math.min(cap, hint > 0 ? hint + 1L : 1024L)];
            int len = 0;
            while (true) {
                if (len == buf.length) { // len <= maxBytes < cap: room to grow
                    buf = Arrays.copyOf(buf, (int) Math.min(cap, Math.max(1024L, 2L * len)));
                }
                int n = in.read(buf, len, buf.length - len);
                if (n < 0) {
                    return len == buf.length ? buf : Arrays.copyOf(buf, len);
                }
                len += n;
                if (len > maxBytes) {
                    throw new ProblemException(
                            CommonProblem.PAYLOAD_TOO_LARGE,
                            "the request body exceeds " + maxBytes + " bytes");
                }
            }
        } catch (IOException e) {
            throw new ProblemException(
                    CommonProblem.MALFORMED_REQUEST, "the request body could not be read");
        }
    }

    public static JsonObject parseObject(byte[] body) {
        String text = utf8(body);
        if (text.isBlank()) {
            throw new ProblemException(
                    CommonProblem.MALFORMED_REQUEST,
                    "the request body is empty; a JSON object is expected");
        }
        int end = scan(text);
        try (JsonReader reader = JsonFactories.reader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (!text.substring(end).isBlank()) {
                throw new ProblemException(
                        CommonProblem.MALFORMED_REQUEST,
                        "the request body has content after the JSON object");
            }
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new ProblemException(
                        CommonProblem.MALFORMED_REQUEST, "the request body must be a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException
                | IllegalStateException
                | StackOverflowError
                | NumberFormatException
                | ArithmeticException
                | UnsupportedOperationException e) {
            throw new ProblemException(
                    CommonProblem.MALFORMED_REQUEST, "the request body is not valid JSON");
        }
    }

    public static String utf8(byte[] body) {
        try {
            return StrictUtf8.decode(body);
        } catch (StrictUtf8.InvalidUtf8Exception e) {
            throw new ProblemException(
                    CommonProblem.MALFORMED_REQUEST, "the request body is not valid UTF-8");
        }
    }

    /** Longest number literal accepted; any real field fits in far fewer characters. */
    public static final int MAX_NUMBER_LENGTH = 40;

    /**
     * Skips a number literal and refuses one too large to mean anything ({@code 1e99999999999}, a
     * 5,000-digit integer): such literals make the JSON library fail outside its own exception type
     * or spend unbounded time, which would otherwise end as a 500.
     */
    private static int numberEnd(String text, int start) {
        int i = start;
        int exponentDigits = -1;
        while (i < text.length() && "0123456789+-.eE".indexOf(text.charAt(i)) >= 0) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                exponentDigits = 0;
            } else if (exponentDigits >= 0 && c >= '0' && c <= '9') {
                exponentDigits++;
            }
            i++;
        }
        if (i - start > MAX_NUMBER_LENGTH || exponentDigits > 3) {
            throw new ProblemException(
                    CommonProblem.MALFORMED_REQUEST,
                    "a number in the request body is too large (at most "
                            + MAX_NUMBER_LENGTH
                            + " characters and a 3-digit exponent)");
        }
        return i;
    }

    /**
     * One lexical pass (strings and escapes skipped): fails when nesting exceeds {@link #MAX_DEPTH}
     * and returns the index just after the top-level value's closing bracket (the text length when
     * the top-level value is not an object or array).
     */
    static int scan(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                i = numberEnd(text, i) - 1;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    throw new ProblemException(
                            CommonProblem.MALFORMED_REQUEST,
                            "the JSON is nested deeper than " + MAX_DEPTH);
                }
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return i + 1;
            }
        }
        return text.length();
    }
}
