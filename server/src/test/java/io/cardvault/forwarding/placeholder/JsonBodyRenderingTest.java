package io.cardvault.forwarding.placeholder;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cardvault.forwarding.entity.CvcUnavailableException;
import io.cardvault.forwarding.entity.ForwardProblem;
import io.cardvault.platform.entity.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyRenderingTest {

    private static final String JSON = "application/json";
    private final PlaceholderEngine engine = new PlaceholderEngine();

    @Test
    void renderBody_unwrappedNumberAsWholeString_dropsQuotes() {
        assertEquals(
                "{\"m\":7,\"y\":2030}",
                render("{\"m\":\"{{ expiryMonth | unwrap }}\",\"y\":\"{{expiryYear|unwrap}}\"}"));
    }

    @Test
    void renderBody_numberWithoutUnwrap_staysString() {
        assertEquals("{\"m\":\"7\"}", render("{\"m\":\"{{ expiryMonth }}\"}"));
    }

    @Test
    void renderBody_unwrapThenPad_isString() {
        assertEquals("{\"m\":\"07\"}", render("{\"m\":\"{{ expiryMonth | unwrap | pad(2) }}\"}"));
    }

    @Test
    void renderBody_unwrapOnString_keepsQuotes() {
        assertEquals("{\"c\":\"123\"}", render("{\"c\":\"{{ cvc | unwrap }}\"}"));
    }

    @Test
    void renderBody_placeholdersInsideLongerString_areEscapedText() {
        assertEquals(
                "{\"exp\":\"07/30\"}",
                render("{\"exp\":\"{{ expiryMonth | pad(2) }}/{{ expiryYear | tail(2) }}\"}"));
    }

    @Test
    void renderBody_unwrapInsideLongerString_staysInsideQuotes() {
        assertEquals(
                "{\"exp\":\"7/30\"}",
                render("{\"exp\":\"{{ expiryMonth | unwrap }}/{{ expiryYear | tail(2) }}\"}"));
    }

    @Test
    void renderBody_unwrapBetweenEscapedQuotes_isNotWholeString() {
        assertEquals(
                "{\"m\":\"\\\"7\\\"\"}", render("{\"m\":\"\\\"{{ expiryMonth | unwrap }}\\\"\"}"));
    }

    @Test
    void renderBody_escapedBackslashBeforePlaceholder_staysInString() {
        assertEquals("[\"\\\\123\"]", render("[\"\\\\{{ cvc }}\"]"));
    }

    @Test
    void renderBody_bareStringPlaceholder_becomesQuotedString() {
        String out =
                render(
                        "{\"n\": {{ holderName }}, \"m\": {{ expiryMonth | unwrap }}}",
                        TestCard.visa().holder("A \"B\""));
        assertEquals("{\"n\": \"A \\\"B\\\"\", \"m\": 7}", out);
        assertValidJson(out);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Jane \"Doe\"",
                "back\\slash\\",
                "line\r\nbreak",
                "</x><script>",
                "a&b=c%20+d",
                "emoji 😀 ok",
                "sep\u2028and\u2029",
                "tab\tnul\u0000bell\u0007del\u007f",
                "\"}, \"admin\": true, \"x\": {\"",
                "Zoë Łukasz 山田"
            })
    void renderBody_hostileHolderName_staysOneValidStringValue(String name) {
        String out =
                render(
                        "{\"name\":\"{{ holderName }}\",\"card\":\"{{ number }}\"}",
                        TestCard.visa().holder(name));
        JsonObject object = assertValidJson(out);
        assertEquals(name, object.getString("name"));
        assertEquals(2, object.size());
    }

    @Test
    void renderBody_controlAndSeparatorChars_useJsonEscapes() {
        assertEquals(
                "{\"n\":\"a\\r\\nb\\u2028c\\u0000d\\\\\\\"😀\"}",
                render(
                        "{\"n\":\"{{ holderName }}\"}",
                        TestCard.visa().holder("a\r\nb\u2028c\u0000d\\\"😀")));
    }

    @Test
    void renderBody_oddFormatting_keepsEveryByteOutsidePlaceholders() {
        String body =
                "\uFEFF{ \"z\" :1.0e+2 ,\t\"a\":[ -0.5E-3,true,null ,false],\r\n"
                        + "  \"s\":\"\\u007b\\u007b not a placeholder }}\\/\", \"n\" : \"{{ number }}\"  }\n";
        String expected = body.replace("{{ number }}", "4111111111111111");
        assertEquals(expected, render(body));
    }

    @Test
    void renderBody_nonAsciiLiteral_isKeptAsUtf8Bytes() {
        String body = "{\"é\":\"😀 {{ brand }}\"}";
        assertEquals("{\"é\":\"😀 visa\"}", render(body));
    }

    @Test
    void renderBody_nonAsciiAroundEveryKindOfSlot_keepsOriginalBytes() {
        String body =
                "\uFEFF{\"é\":\"{{ expiryMonth | unwrap }}\",\"€\":\"𝄞{{ holderName }}ü\","
                        + "\"𝄞\":{{ brand }},\"ß\":[{{ expiryYear | unwrap }},\"{{ cvc }}\"],"
                        + "\"a\":\"😀\"}";
        assertEquals(
                "\uFEFF{\"é\":7,\"€\":\"𝄞J\\\"ö\\u2028😀ü\",\"𝄞\":\"visa\","
                        + "\"ß\":[2030,\"123\"],\"a\":\"😀\"}",
                render(body, TestCard.visa().holder("J\"ö\u2028😀")));
    }

    @Test
    void renderBody_plusJsonWithCharset_isJson() {
        byte[] out =
                engine.renderBody(
                        bytes("{\"m\":\"{{ expiryMonth | unwrap }}\"}"),
                        "application/vnd.psp+json; charset=UTF-8",
                        TestCard.visa());
        assertEquals("{\"m\":7}", new String(out, UTF_8));
    }

    @Test
    void renderBody_declaredJsonButNotJson_throwsMalformedBody() {
        for (String body :
                List.of(
                        "{\"a\":\"x\ny\" {{ expiryMonth | pad(2) }}}",
                        "{\"name\":\"{{ holderName }}\" /* comment */}",
                        "{\"n\":\"{{ number }}\",}",
                        "{\"n\":\"{{ number }}\"} trailing",
                        "{\"n\" \"{{ number }}\"}",
                        "[\"{{ number }}\"",
                        "{'n':'{{ number }}'}",
                        "{\"a\": {{ expiryMonth }}, oops}",
                        // the lexical scan reads UTF-8 bytes: non-ASCII outside strings, a byte
                        // order mark after the start, an escape cut by a placeholder
                        "{\"a\":é\"{{ number }}\"}",
                        "{\"a\":\"{{ number }}\",\uFEFF\"b\":1}",
                        " \uFEFF{\"a\":\"{{ number }}\"}",
                        "{\"a\":\"\\{{ number }}\"}",
                        "{\"a\":\"\\u00{{ expiryMonth }}\"}")) {
            ProblemException e = assertThrows(ProblemException.class, () -> render(body), body);
            assertEquals(ForwardProblem.MALFORMED_BODY, e.type());
            assertFalse(e.getMessage().contains(TestCard.visa().number()), "no PAN in the detail");
        }
    }

    @Test
    void renderBody_plusJsonNotJson_throwsMalformedBody_textPlainStillSubstituted() {
        byte[] body = bytes("{\"n\":\"{{ number }}\" // note\n}");
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () -> engine.renderBody(body, "application/vnd.psp+json", TestCard.visa()));
        assertEquals(ForwardProblem.MALFORMED_BODY, e.type());
        assertEquals(
                "{\"n\":\"" + TestCard.visa().number() + "\" // note\n}",
                new String(engine.renderBody(body, "text/plain", TestCard.visa()), UTF_8));
    }

    @Test
    void renderBody_nestedPastDepthLimit_throwsMalformedBody() {
        String inner = "\"{{ number }}\"";
        assertEquals(
                "[".repeat(999) + "\"" + TestCard.visa().number() + "\"" + "]".repeat(999),
                render("[".repeat(999) + inner + "]".repeat(999)));
        // Parsson threw a bare RuntimeException here (a 500); now the same 400 as any non-JSON body
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () -> render("[".repeat(1000) + inner + "]".repeat(1000)));
        assertEquals(ForwardProblem.MALFORMED_BODY, e.type());
    }

    @Test
    void renderBody_notJsonWithoutPlaceholder_forwardedByteForByte() {
        byte[] body = bytes("{\"a\": 1, /* not json */ }");
        assertSame(body, engine.renderBody(body, JSON, TestCard.visa()));
    }

    @Test
    void renderBody_noPlaceholder_returnsSameArray() {
        byte[] body = bytes("{\"a\": \"b\"}");
        assertSame(body, engine.renderBody(body, JSON, TestCard.visa()));
    }

    @Test
    void renderBody_invalidUtf8WithoutPlaceholder_returnsSameArray() {
        byte[] body = {'{', '"', (byte) 0xff, '"', '}'};
        assertSame(body, engine.renderBody(body, JSON, TestCard.visa()));
    }

    @Test
    void renderBody_invalidUtf8WithPlaceholder_throwsAtByteOffset() {
        byte[] body = {
            '[', '"', (byte) 0xc3, '"', ',', '"', '{', '{', 'c', 'v', 'c', '}', '}', '"', ']'
        };
        PlaceholderException e =
                assertThrows(
                        PlaceholderException.class,
                        () -> engine.renderBody(body, JSON, TestCard.visa()));
        assertEquals(2, e.position());
        assertEquals("body", e.where());
    }

    @Test
    void renderBody_malformedPlaceholder_throwsWithBodyPosition() {
        PlaceholderException e =
                assertThrows(PlaceholderException.class, () -> render("{\"n\":\"{{ numbre }}\"}"));
        assertEquals(9, e.position());
    }

    @Test
    void renderBody_cvcMissing_throwsCvcUnavailable() {
        assertThrows(
                CvcUnavailableException.class,
                () -> render("{\"c\":\"{{ cvc }}\"}", TestCard.visa().withoutCvc()));
    }

    private String render(String body) {
        return render(body, TestCard.visa());
    }

    private String render(String body, CardAttributes card) {
        return new String(engine.renderBody(bytes(body), JSON, card), UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static JsonObject assertValidJson(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
