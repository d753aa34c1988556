package io.cardvault.forwarding.placeholder;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

/** Form, XML, plain text and untouched bodies. */
class OtherBodyRenderingTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String HOSTILE = "J\"a\\n</x>&e=1%2 +'\r\n😀\u2028";
    private final PlaceholderEngine engine = new PlaceholderEngine();

    @Test
    void renderBody_form_percentEncodesValueAndKeepsRest() {
        String out = render("a=1+2&name={{ holderName }}&pan={{ number }}&x=%7B", FORM, HOSTILE);
        assertEquals(
                "a=1+2&name=J%22a%5Cn%3C%2Fx%3E%26e%3D1%252%20%2B%27%0D%0A%F0%9F%98%80%E2%80%A8"
                        + "&pan=4111111111111111&x=%7B",
                out);
    }

    @Test
    void renderBody_form_decodesBackToTheOriginalValue() {
        String out = render("name={{ holderName }}", FORM + "; charset=utf-8", HOSTILE);
        assertEquals(HOSTILE, URLDecoder.decode(out.substring(5), UTF_8));
    }

    @Test
    void renderBody_nonAsciiLiteralsAroundPlaceholders_keepsTheirBytes() {
        assertEquals(
                "é=4111111111111111&€=J%C3%B6&𝄞=visa𝄞",
                render("é={{ number }}&€={{ holderName }}&𝄞={{ brand }}𝄞", FORM, "Jö"));
        assertEquals(
                "<a é=\"€Jö&amp;\">𝄞visa</a>😀",
                render("<a é=\"€{{ holderName }}\">𝄞{{ brand }}</a>😀", "text/xml", "Jö&"));
        assertEquals("😀visa😀", render("😀{{ brand }}😀", "text/plain", "x"));
    }

    @Test
    void renderBody_form_unreservedCharactersStayAsTheyAre() {
        assertEquals("n=Az09-._~", render("n={{ holderName }}", FORM, "Az09-._~"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/xml; charset=utf-8", "application/soap+xml"})
    void renderBody_xml_escapesInTextAndAttributes(String contentType) {
        String out =
                render(
                        "<?xml version=\"1.0\"?>\n<card holder='{{ holderName }}' pan=\"{{ number }}\">"
                                + "<name>{{ holderName }}</name></card>",
                        contentType,
                        "a\"b'c</x>&d\r\ne");
        assertEquals(
                "<?xml version=\"1.0\"?>\n<card holder='a&quot;b&apos;c&lt;/x&gt;&amp;d&#13;&#10;e'"
                        + " pan=\"4111111111111111\"><name>a&quot;b&apos;c&lt;/x&gt;&amp;d&#13;&#10;e</name></card>",
                out);
    }

    @Test
    void renderBody_xml_parsesBackToTheOriginalValue() throws Exception {
        String name = "a\"b'c</x>&d\r\ne 😀";
        String out =
                render(
                        "<card holder=\"{{ holderName }}\"><n>{{ holderName }}</n></card>",
                        "application/xml",
                        name);
        Element card =
                DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(new ByteArrayInputStream(out.getBytes(UTF_8)))
                        .getDocumentElement();
        assertEquals(name, card.getAttribute("holder"));
        assertEquals(name, card.getTextContent());
    }

    @Test
    void renderBody_xmlValueWithCharacterXmlCannotCarry_throwsAtPlaceholder() {
        PlaceholderException e =
                assertThrows(
                        PlaceholderException.class,
                        () -> render("<n>{{ holderName }}</n>", "text/xml", "bell\u0007"));
        assertEquals(3, e.position());
    }

    @Test
    void renderBody_plainText_injectsAsIs() {
        assertEquals(
                "Name: " + HOSTILE + " {x}",
                render("Name: {{ holderName }} {x}", "text/plain", HOSTILE));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "application/octet-stream",
                "image/png",
                "multipart/form-data; boundary=x",
                "text/html",
                "application/json; charset=iso-8859-1",
                "json",
                ""
            })
    void renderBody_otherContentType_returnsSameArrayUnparsed(String contentType) {
        byte[] body = "{{ broken | placeholder".getBytes(UTF_8);
        assertSame(body, engine.renderBody(body, contentType, TestCard.visa()));
    }

    @Test
    void renderBody_binaryBodyWithBraces_isUntouched() {
        byte[] body = {(byte) 0xff, '{', '{', 0, (byte) 0xc3};
        assertArrayEquals(
                new byte[] {(byte) 0xff, '{', '{', 0, (byte) 0xc3},
                engine.renderBody(body, "application/octet-stream", TestCard.visa()));
    }

    @Test
    void renderBody_nullBody_returnsEmpty() {
        assertEquals(0, engine.renderBody(null, "application/json", TestCard.visa()).length);
    }

    @Test
    void usesCvc_bodyWithCvc_isTrue() {
        assertTrue(engine.usesCvc("{\"c\":\"{{cvc}}\"}".getBytes(UTF_8), "application/json"));
    }

    @Test
    void usesCvc_bodyWithoutCvcOrOpaque_isFalse() {
        assertFalse(engine.usesCvc("{\"c\":\"{{number}}\"}".getBytes(UTF_8), "application/json"));
        assertFalse(engine.usesCvc("{{cvc}}".getBytes(UTF_8), "application/octet-stream"));
    }

    @Test
    void usesCvc_queryOrHeaderWithCvc_isTrue() {
        assertTrue(engine.usesCvc("a=1&c={{ cvc }}"));
        assertFalse(engine.usesCvc("a=1&c={{ number }}"));
        assertFalse(engine.usesCvc((String) null));
    }

    private String render(String body, String contentType, String holderName) {
        return new String(
                engine.renderBody(
                        body.getBytes(UTF_8), contentType, TestCard.visa().holder(holderName)),
                UTF_8);
    }
}
