package io.cardvault.platform.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cardvault.platform.entity.CommonProblem;
import io.cardvault.platform.entity.ProblemException;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodiesTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertMalformed(byte[] body) {
        ProblemException e =
                assertThrows(ProblemException.class, () -> JsonBodies.parseObject(body));
        assertEquals(CommonProblem.MALFORMED_REQUEST, e.type());
    }

    @Test
    void parseObject_hugeNumbers_malformedRequestNot500() {
        assertMalformed(utf8("{\"expiryMonth\": 1e99999999999}"));
        assertMalformed(utf8("{\"expiryMonth\": 1E+99999}"));
        assertMalformed(utf8("{\"expiryYear\": " + "9".repeat(5000) + "}"));
        assertMalformed(utf8("{\"a\": [0.1e-99999]}"));
        JsonObject ok =
                JsonBodies.parseObject(
                        utf8("{\"n\":\"" + "9".repeat(5000) + "\",\"m\":-12.5e+10}"));
        assertEquals(5000, ok.getString("n").length());
    }

    // --- readLimited ---------------------------------------------------------------------------

    /** A body handed out in reads of at most {@code chunk} bytes, saying {@code available}. */
    private static InputStream chunked(byte[] body, int chunk, int available) {
        return new InputStream() {
            private int at;

            @Override
            public int read() {
                return at < body.length ? body[at++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= body.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, chunk), body.length - at);
                System.arraycopy(body, at, b, off, n);
                at += n;
                return n;
            }

            @Override
            public int available() {
                return available;
            }
        };
    }

    @Test
    void readLimited_whateverTheStreamSaysItHolds_allBytesExactly() {
        byte[] body = new byte[5000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        // no hint (grows from 1 KB), an exact hint, an understated one, an overstated one
        for (int available : new int[] {0, 5000, 100, 1 << 30}) {
            for (int chunk : new int[] {1, 700, 8192}) {
                assertArrayEquals(
                        body,
                        JsonBodies.readLimited(chunked(body, chunk, available), 16 * 1024),
                        "available " + available + ", reads of " + chunk);
            }
        }
        assertArrayEquals(new byte[0], JsonBodies.readLimited(chunked(new byte[0], 1, 0), 0));
    }

    @Test
    void readLimited_overLimitWithAnyHint_payloadTooLarge() {
        byte[] body = new byte[4097];
        for (int available : new int[] {0, 4096, 4097, Integer.MAX_VALUE}) {
            ProblemException e =
                    assertThrows(
                            ProblemException.class,
                            () -> JsonBodies.readLimited(chunked(body, 1000, available), 4096));
            assertEquals(CommonProblem.PAYLOAD_TOO_LARGE, e.type());
        }
        assertThrows(
                ProblemException.class,
                () -> JsonBodies.readLimited(chunked(new byte[1], 1, 1), 0));
    }

    @Test
    void readLimited_overLimit_payloadTooLarge() {
        byte[] body = new byte[16 * 1024 + 1];
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () -> JsonBodies.readLimited(new ByteArrayInputStream(body), 16 * 1024));
        assertEquals(CommonProblem.PAYLOAD_TOO_LARGE, e.type());
        assertEquals(413, e.type().status());
    }

    @Test
    void readLimited_exactlyAtLimit_returnsAllBytes() {
        byte[] body = new byte[16 * 1024];
        Arrays.fill(body, (byte) 'x');
        assertArrayEquals(body, JsonBodies.readLimited(new ByteArrayInputStream(body), 16 * 1024));
    }

    @Test
    void readLimited_overLimitInSmallChunks_payloadTooLarge() {
        // a stream that hands out one byte per read must still be cut off
        InputStream trickle =
                new InputStream() {
                    private int served;

                    @Override
                    public int read() {
                        return served++ < 100 ? 'x' : -1;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        int c = read();
                        if (c < 0) {
                            return -1;
                        }
                        b[off] = (byte) c;
                        return 1;
                    }
                };
        ProblemException e =
                assertThrows(ProblemException.class, () -> JsonBodies.readLimited(trickle, 99));
        assertEquals(CommonProblem.PAYLOAD_TOO_LARGE, e.type());
    }

    @Test
    void readLimited_nullStream_empty() {
        assertEquals(0, JsonBodies.readLimited(null, 10).length);
    }

    @Test
    void readLimited_ioFailure_malformedRequest() {
        InputStream broken =
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("connection reset");
                    }
                };
        ProblemException e =
                assertThrows(ProblemException.class, () -> JsonBodies.readLimited(broken, 100));
        assertEquals(CommonProblem.MALFORMED_REQUEST, e.type());
    }

    // --- parseObject ---------------------------------------------------------------------------

    @Test
    void parseObject_validObject_parsed() {
        JsonObject o =
                JsonBodies.parseObject(
                        utf8(
                                "{\"number\":\"4111 1111 1111 1111\",\"expiryMonth\":12,\"holderName\":\"Zoë\"}"));
        assertEquals(12, o.getInt("expiryMonth"));
        assertEquals("Zoë", o.getString("holderName"));
    }

    @Test
    void parseObject_invalidUtf8_malformedRequest() {
        assertMalformed(
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        assertMalformed(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'});
        // overlong encoding of '/'
        assertMalformed(
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'});
    }

    @Test
    void parseObject_invalidUtf8_messageNamesUtf8() {
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () -> JsonBodies.parseObject(new byte[] {'{', (byte) 0xFF, '}'}));
        assertEquals("the request body is not valid UTF-8", e.getMessage());
    }

    @Test
    void parseObject_deeplyNestedArrays_malformedRequest() {
        assertMalformed(utf8("[".repeat(1000)));
        assertMalformed(utf8("{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}"));
    }

    @Test
    void parseObject_nestingAtLimit_parsed() {
        int depth = JsonBodies.MAX_DEPTH;
        String json = "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
        JsonBodies.parseObject(utf8(json));
        assertMalformed(utf8("{\"a\":".repeat(depth) + "{}" + "}".repeat(depth)));
    }

    @Test
    void parseObject_bracketsInsideStrings_notCountedAsDepth() {
        String json = "{\"a\":\"" + "[{".repeat(1000) + "\",\"b\":\"\\\"[[[[\"}";
        JsonObject o = JsonBodies.parseObject(utf8(json));
        assertEquals(2000, o.getString("a").length());
        assertEquals("\"[[[[", o.getString("b"));
    }

    @Test
    void parseObject_escapedBackslashBeforeQuote_stringEndsCorrectly() {
        // "\\" ends the string, so the brackets after it are structure and count
        String json = "{\"a\":\"\\\\\",\"b\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
        assertMalformed(utf8(json));
    }

    @ParameterizedTest(name = "top-level #{index}")
    @ValueSource(strings = {"[]", "[{}]", "\"text\"", "42", "true", "null"})
    void parseObject_topLevelNotObject_malformedRequest(String json) {
        ProblemException e =
                assertThrows(ProblemException.class, () -> JsonBodies.parseObject(utf8(json)));
        assertEquals(CommonProblem.MALFORMED_REQUEST, e.type());
        assertEquals("the request body must be a JSON object", e.getMessage());
    }

    @Test
    void parseObject_empty_malformedRequest() {
        assertMalformed(new byte[0]);
        assertMalformed(utf8("   \n"));
    }

    @ParameterizedTest(name = "syntax #{index}")
    @ValueSource(
            strings = {
                "{",
                "{\"a\":}",
                "{\"a\":1,}",
                "{'a':1}",
                "{\"a\":01}",
                "{\"a\" 1}",
                "}",
                "{\"a\":\"\\x\"}"
            })
    void parseObject_syntaxError_malformedRequest(String json) {
        assertMalformed(utf8(json));
    }
}
