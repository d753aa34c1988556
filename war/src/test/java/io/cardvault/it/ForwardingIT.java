package io.cardvault.it;

import static io.cardvault.it.ForwardSupport.assertSameText;
import static io.cardvault.it.ForwardSupport.mask;
import static io.cardvault.it.ForwardSupport.token;
import static io.cardvault.it.ForwardSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.it.Api.Reply;
import io.cardvault.it.MockPsp.Received;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The compliance proxy end to end: a real server forwards to a mock PSP on 127.0.0.1, and every
 * assertion is on what the PSP received or what the merchant got back. Card numbers are the
 * standard test PANs and never appear in assertion messages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ForwardingIT {

    static final String VISA = "4111111111111111";
    static final String MASTERCARD = "5555555555554444";
    static final String AMEX = "378282246310005";
    static final String HOLDER = "Jane \"JD\" O\\Doe \uD83D\uDE00";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    @ArquillianResource URL base;

    static MockPsp psp;
    static int closedPort;

    // one tenant for the whole class, created on first use (the server URL is only known then)
    static String sk;
    static String pk;
    static String otherSk;
    static String otherTenantToken;

    Api api;

    @BeforeAll
    static void startMock() throws IOException {
        psp = new MockPsp();
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
    }

    @AfterAll
    static void stopMock() {
        if (psp != null) {
            psp.close();
        }
    }

    @BeforeEach
    void tenant() {
        api = new Api(base);
        if (sk == null) {
            JsonObject t =
                    api.createTenant(
                            "Forwarding IT " + UUID.randomUUID(),
                            "[\"https://shop.example\"]",
                            "[\"" + psp.base() + "/*\"]");
            sk = t.getString("secretKey");
            pk = t.getString("publishableKey");
            JsonObject other =
                    api.createTenant(
                            "Forwarding IT closed " + UUID.randomUUID(),
                            "[\"https://shop.example\"]",
                            "[\"http://127.0.0.1:" + closedPort + "/*\"]");
            otherSk = other.getString("secretKey");
            otherTenantToken = token(api, otherSk, VISA, 7, 2031, null, null);
        }
    }

    // ---------------------------------------------------------------- injection

    @Test
    void json_placeholdersEverywhere_pspReceivesValidJsonAndUntouchedBytes() {
        String id = token(api, sk, VISA, 7, 2031, null, HOLDER);
        String template =
                "{ \"z\" :\"first\",\n\t\"number\":\"{{ number }}\",   \"month\" : \"{{ expiryMonth | unwrap }}\",\r\n"
                        + "\"exp\":\"{{expiryMonth|pad(2)}}/{{ expiryYear | tail(2) }}\",\"holder\":\"{{ holderName }}\","
                        + " \"a\":[1, 2 ,3],\"note\":\"line1\\nline2 {not a placeholder}\" ,\"yearNum\": {{ expiryYear | unwrap }} }";
        String expected =
                "{ \"z\" :\"first\",\n\t\"number\":\""
                        + VISA
                        + "\",   \"month\" : 7,\r\n"
                        + "\"exp\":\"07/31\",\"holder\":\"Jane \\\"JD\\\" O\\\\Doe \uD83D\uDE00\","
                        + " \"a\":[1, 2 ,3],\"note\":\"line1\\nline2 {not a placeholder}\" ,\"yearNum\": 2031 }";

        Reply r = forward("POST", "/ok/json", id, "application/json", utf8(template));

        assertEquals(200, r.status(), mask(r.body()));
        Received got = psp.last();
        assertSameText(expected, got.bodyText(), "JSON body received by the PSP");
        JsonObject json = Json.createReader(new StringReader(got.bodyText())).readObject();
        assertTrue(VISA.equals(json.getString("number")), "number injected as a JSON string");
        assertEquals(
                JsonValue.ValueType.NUMBER,
                json.get("month").getValueType(),
                "unwrap keeps a number a number");
        assertEquals(7, json.getInt("month"));
        assertSameText("07/31", json.getString("exp"), "exp received by the PSP");
        assertEquals(
                HOLDER,
                json.getString("holder"),
                "quote, backslash and emoji survive as one JSON string");
        assertEquals("line1\nline2 {not a placeholder}", json.getString("note"));
        assertEquals(2031, json.getInt("yearNum"));
        assertEquals("application/json", got.header("content-type"));
    }

    @Test
    void json_holderWithNewline_isRefusedAtTokenization() {
        // a newline can never reach a JSON template: the tokens API refuses control characters in
        // holderName
        Reply r =
                api.postJson(
                        "api/v1/tokens",
                        Json.createObjectBuilder()
                                .add("number", VISA)
                                .add("expiryMonth", 7)
                                .add("expiryYear", 2031)
                                .add("holderName", "Jane\nDoe")
                                .build()
                                .toString(),
                        "x-api-key",
                        sk);
        assertEquals(422, r.status());
    }

    @Test
    void form_placeholderInValues_percentEncodedRestByteForByte() {
        String id = token(api, sk, VISA, 7, 2031, null, "Jane O'Neil & Co/+=");
        String template =
                "amount=10%2C00&card%5Bnumber%5D={{ number }}&name={{ holderName }}&z=a+b&exp={{ expiryMonth | pad(2) }}&&x=";
        String expected =
                "amount=10%2C00&card%5Bnumber%5D="
                        + VISA
                        + "&name=Jane%20O%27Neil%20%26%20Co%2F%2B%3D&z=a+b&exp=07&&x=";

        Reply r =
                forward(
                        "POST",
                        "/ok/form",
                        id,
                        "application/x-www-form-urlencoded",
                        utf8(template));

        assertEquals(200, r.status(), mask(r.body()));
        assertSameText(expected, psp.last().bodyText(), "form body received by the PSP");
    }

    @Test
    void xml_holderWithMarkup_escapedAndWellFormed() throws Exception {
        String holder = "A<&>B \"Q\" 'x'";
        String id = token(api, sk, MASTERCARD, 12, 2030, null, holder);
        String template =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pay   holder=\"{{ holderName }}\">\n"
                        + "  <pan>{{ number }}</pan><name>{{holderName}}</name><exp>{{ expiryMonth | pad(2) }}{{ expiryYear | tail(2) }}</exp></pay>";
        String expected =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pay   holder=\"A&lt;&amp;&gt;B &quot;Q&quot; &apos;x&apos;\">\n"
                        + "  <pan>"
                        + MASTERCARD
                        + "</pan><name>A&lt;&amp;&gt;B &quot;Q&quot; &apos;x&apos;</name><exp>1230</exp></pay>";

        Reply r = forward("POST", "/ok/xml", id, "application/xml", utf8(template));

        assertEquals(200, r.status(), mask(r.body()));
        Received got = psp.last();
        assertSameText(expected, got.bodyText(), "XML body received by the PSP");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(got.body()));
        Element root = doc.getDocumentElement();
        assertEquals(holder, root.getAttribute("holder"));
        assertEquals(holder, root.getElementsByTagName("name").item(0).getTextContent());
        assertTrue(
                MASTERCARD.equals(root.getElementsByTagName("pan").item(0).getTextContent()),
                "PAN injected as XML text");
    }

    @Test
    void textPlain_placeholdersReplacedVerbatim() {
        String id = token(api, sk, AMEX, 3, 2032, "1234", "Jane Doe");
        String template =
                "  card={{ number }};exp={{ expiryMonth | pad(2) }}/{{ expiryYear }};brand={{ brand }};last={{number|tail(4)}}\n\n";
        String expected = "  card=" + AMEX + ";exp=03/2032;brand=amex;last=0005\n\n";

        Reply r = forward("PUT", "/ok/text", id, "text/plain; charset=utf-8", utf8(template));

        assertEquals(200, r.status(), mask(r.body()));
        assertEquals("PUT", psp.last().method());
        assertSameText(expected, psp.last().bodyText(), "text body received by the PSP");
    }

    @Test
    void query_placeholderInForwardUrl_injectedPercentEncoded() {
        String id = token(api, sk, VISA, 7, 2031, null, "Jane Doe");
        Reply r =
                forwardTo(
                        "GET",
                        psp.base()
                                + "/ok/pay?n={{ number }}&x=1&h={{ holderName }}&e={{ expiryMonth | pad(2) }}",
                        id,
                        null,
                        null);

        assertEquals(200, r.status(), mask(r.body()));
        Received got = psp.last();
        assertEquals("GET", got.method());
        assertEquals("/ok/pay", got.path());
        assertSameText(
                "n=" + VISA + "&x=1&h=Jane%20Doe&e=07",
                got.rawQuery(),
                "query received by the PSP");
    }

    @Test
    void headerValue_placeholder_injected() {
        String id = token(api, sk, VISA, 7, 2031, null, null);
        Reply r =
                forward(
                        "POST",
                        "/ok/header",
                        id,
                        "application/json",
                        utf8("{}"),
                        "x-last4",
                        "{{ number | tail(4) }}",
                        "x-exp",
                        "{{ expiryMonth | pad(2) }}/{{ expiryYear | tail(2) }}");

        assertEquals(200, r.status(), mask(r.body()));
        assertSameText("1111", psp.last().header("x-last4"), "x-last4 received by the PSP");
        assertSameText("07/31", psp.last().header("x-exp"), "x-exp received by the PSP");
        assertSameText("{}", psp.last().bodyText(), "body without placeholders");
    }

    @Test
    void otherContentType_bodyUntouched() {
        String id = token(api, sk, VISA, 7, 2031, null, null);
        byte[] body =
                new byte[] {
                    '{',
                    '{',
                    ' ',
                    'n',
                    'u',
                    'm',
                    'b',
                    'e',
                    'r',
                    ' ',
                    '}',
                    '}',
                    0,
                    (byte) 0xff,
                    (byte) 0xfe,
                    '\r',
                    '\n',
                    'x'
                };

        Reply octet = forward("POST", "/ok/binary", id, "application/octet-stream", body);
        assertEquals(200, octet.status());
        assertArrayEquals(
                body, psp.last().body(), "application/octet-stream is never parsed or changed");

        byte[] text = utf8("{{ number }} in latin-1");
        Reply latin1 = forward("POST", "/ok/latin1", id, "text/plain; charset=iso-8859-1", text);
        assertEquals(200, latin1.status());
        assertArrayEquals(text, psp.last().body(), "a non-UTF-8 charset is left untouched");
    }

    // ---------------------------------------------------------------- headers

    @Test
    void headers_customPassed_controlHeadersNotForwarded() {
        String id = token(api, sk, VISA, 7, 2031, null, null);
        Reply r =
                forward(
                        "POST",
                        "/ok/headers",
                        id,
                        "application/json",
                        utf8("{\"a\":1}"),
                        "x-merchant-ref",
                        "order-77",
                        "Authorization",
                        "Bearer psp-secret",
                        "idempotency-key",
                        "hdr-" + UUID.randomUUID());

        assertEquals(200, r.status(), mask(r.body()));
        Received got = psp.last();
        assertEquals("order-77", got.header("x-merchant-ref"));
        assertEquals("Bearer psp-secret", got.header("authorization"));
        for (String name : List.of("x-api-key", "x-forward-url", "x-token-id", "idempotency-key")) {
            assertNull(got.header(name), name + " must not reach the PSP");
        }
        assertFalse(
                got.headers().toString().contains(sk),
                "the secret key must not reach the PSP in any header");
    }

    @Test
    void headerOverwrite_pair_pspReceivesReservedHeader() {
        String id = token(api, sk, VISA, 7, 2031, null, null);
        Reply r =
                forward(
                        "POST",
                        "/ok/overwrite",
                        id,
                        "application/json",
                        utf8("{}"),
                        "x-psp-key-name",
                        "x-api-key",
                        "x-psp-key-value",
                        "123456");

        assertEquals(200, r.status(), mask(r.body()));
        Received got = psp.last();
        assertEquals(
                List.of("123456"),
                got.headers().get("x-api-key"),
                "the overwrite replaces cardvault's own key");
        assertNull(got.header("x-psp-key-name"));
        assertNull(got.header("x-psp-key-value"));
    }

    @Test
    void headerOverwrite_loneHalf_forwardedAsOrdinaryHeader_adminKeyNeverForwarded() {
        String id = token(api, sk, VISA, 7, 2031, null, null);

        Reply r =
                forward(
                        "POST",
                        "/ok/half",
                        id,
                        "application/json",
                        utf8("{}"),
                        "x-customer-name",
                        "Jane",
                        "x-psp-key-value",
                        "123456",
                        "x-admin-key",
                        "operator-secret-1");

        assertEquals(200, r.status(), mask(r.body()));
        Received got = psp.last();
        assertEquals("Jane", got.header("x-customer-name"));
        assertEquals("123456", got.header("x-psp-key-value"));
        assertNull(got.header("x-admin-key"), "x-admin-key is reserved");
    }

    // ---------------------------------------------------------------- relay

    @Test
    void relay_2xx_statusHeadersBodyRelayedWithForwardId() {
        String id = token(api, sk, VISA, 7, 2031, null, null);
        Reply r =
                forward(
                        "POST",
                        "/created/pay",
                        id,
                        "application/json",
                        utf8("{\"n\":\"{{ number }}\"}"));

        assertEquals(201, r.status());
        assertEquals("{\"received\":" + psp.last().body().length + ",\"id\":\"pay_1\"}", r.body());
        assertTrue(
                r.header("content-type").startsWith("application/json"), r.header("content-type"));
        // a UUID v7 (time-ordered: the audit table's key, see docs/api.md)
        assertEquals(7, UUID.fromString(r.header("x-cardvault-forward-id")).version());
        assertNull(r.header("x-cardvault-error"));
    }

    @Test
    void relay_4xxAnd5xx_relayedWithoutProxyErrorHeader() {
        String id = token(api, sk, VISA, 7, 2031, null, null);

        Reply declined = forward("POST", "/decline/pay", id, "application/json", utf8("{}"));
        assertEquals(402, declined.status());
        assertEquals("{\"error\":\"card_declined\"}", declined.body());
        assertEquals("trace-402", declined.header("x-psp-trace"));
        assertNull(declined.header("x-cardvault-error"), "a PSP answer is not a proxy error");
        assertNotNull(declined.header("x-cardvault-forward-id"));

        Reply failed = forward("POST", "/fail/pay", id, "application/json", utf8("{}"));
        assertEquals(500, failed.status());
        assertEquals("{\"error\":\"psp_down\"}", failed.body());
        assertEquals("trace-500", failed.header("x-psp-trace"));
        assertNull(failed.header("x-cardvault-error"), "the PSP cannot fake a proxy error");
        assertNotNull(failed.header("x-cardvault-forward-id"));
    }

    @Test
    void relay_302_relayedNotFollowed() {
        String id = token(api, sk, VISA, 7, 2031, null, null);
        int before = psp.hits();

        Reply r = forward("POST", "/redirect/pay", id, "application/json", utf8("{}"));

        assertEquals(302, r.status());
        assertEquals(psp.base() + "/ok/after-redirect", r.header("location"));
        assertEquals("moved", r.body());
        assertNotNull(r.header("x-cardvault-forward-id"));
        assertEquals(before + 1, psp.hits(), "the redirect must not be followed");
    }

    // ---------------------------------------------------------------- failures of the proxy

    @Test
    void body_over1MiB_413NothingSent() {
        String id = token(api, sk, VISA, 7, 2031, null, null);
        int before = psp.hits();
        byte[] big = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');

        Reply r = forward("POST", "/ok/big", id, "application/octet-stream", big);

        assertProxyError(r, 413, "payload-too-large");
        assertEquals(before, psp.hits());

        byte[] exactlyLimit = new byte[1024 * 1024];
        java.util.Arrays.fill(exactlyLimit, (byte) 'b');
        assertEquals(
                200,
                forward("POST", "/ok/limit", id, "application/octet-stream", exactlyLimit).status(),
                "1 MiB is allowed");
        assertEquals(1024 * 1024, psp.last().body().length);
    }

    @Test
    void destination_closedPort_502Unreachable() {
        Reply r =
                ForwardSupport.send(
                        api,
                        "POST",
                        utf8("{}"),
                        "x-api-key",
                        otherSk,
                        "content-type",
                        "application/json",
                        "x-forward-url",
                        "http://127.0.0.1:" + closedPort + "/pay",
                        "x-token-id",
                        otherTenantToken);

        assertProxyError(r, 502, "destination-unreachable");
    }

    @Test
    void destination_slow_504Timeout() {
        String id = token(api, sk, VISA, 7, 2031, null, null);
        int before = psp.hits();
        long started = System.nanoTime();

        Reply r = forward("POST", "/slow/pay", id, "application/json", utf8("{}"));

        long millis = (System.nanoTime() - started) / 1_000_000;
        assertProxyError(r, 504, "destination-timeout");
        assertTrue(
                millis < MockPsp.SLOW_MILLIS,
                "the proxy must give up before the PSP answers (took " + millis + " ms)");
        assertEquals(before + 1, psp.hits(), "sent once, never retried");
    }

    @Test
    void destination_notInList_403NothingSent() {
        String id = token(api, sk, VISA, 7, 2031, null, null);
        int before = psp.hits();
        int p = psp.port();
        List<String> refused =
                List.of(
                        "http://127.0.0.1:" + closedPort + "/ok",
                        "http://127.0.0.1:" + p + "@evil.example/",
                        "http://evil.example@127.0.0.1:" + p + "/ok",
                        "https://example.com/",
                        "https://127.0.0.1:" + p + "/ok",
                        "http://localhost:" + p + "/ok",
                        "http://127.0.0.2:" + p + "/ok",
                        "http://127.0.0.1:" + p + "/../ok",
                        "ftp://127.0.0.1:" + p + "/ok");
        for (String url : refused) {
            Reply r = forwardTo("POST", url, id, "application/json", utf8("{}"));
            assertProxyError(r, 403, "destination-not-allowed");
        }
        assertEquals(before, psp.hits(), "nothing may be sent");
    }

    @Test
    void token_unknownDeletedOrOtherTenants_404NothingSent() {
        String deleted = token(api, sk, VISA, 7, 2031, null, null);
        assertEquals(
                204,
                api.send("DELETE", "api/v1/tokens/" + deleted, null, "x-api-key", sk).status());
        int before = psp.hits();

        for (String id : List.of(UUID.randomUUID().toString(), deleted, otherTenantToken)) {
            Reply r =
                    forward(
                            "POST",
                            "/ok/pay",
                            id,
                            "application/json",
                            utf8("{\"n\":\"{{ number }}\"}"));
            assertProxyError(r, 404, "token-not-found");
        }
        assertEquals(before, psp.hits());
    }

    @Test
    void controlHeaders_missingOrMalformed_400NamingTheHeader() {
        String id = token(api, sk, VISA, 7, 2031, null, null);
        int before = psp.hits();
        String url = psp.base() + "/ok/pay";

        Reply noUrl =
                ForwardSupport.send(
                        api,
                        "POST",
                        utf8("{}"),
                        "x-api-key",
                        sk,
                        "content-type",
                        "application/json",
                        "x-token-id",
                        id);
        Reply badUrl =
                ForwardSupport.send(
                        api,
                        "POST",
                        utf8("{}"),
                        "x-api-key",
                        sk,
                        "content-type",
                        "application/json",
                        "x-forward-url",
                        "not a url",
                        "x-token-id",
                        id);
        Reply relativeUrl =
                ForwardSupport.send(
                        api,
                        "POST",
                        utf8("{}"),
                        "x-api-key",
                        sk,
                        "content-type",
                        "application/json",
                        "x-forward-url",
                        "/ok/pay",
                        "x-token-id",
                        id);
        Reply noToken =
                ForwardSupport.send(
                        api,
                        "POST",
                        utf8("{}"),
                        "x-api-key",
                        sk,
                        "content-type",
                        "application/json",
                        "x-forward-url",
                        url);
        Reply badToken =
                ForwardSupport.send(
                        api,
                        "POST",
                        utf8("{}"),
                        "x-api-key",
                        sk,
                        "content-type",
                        "application/json",
                        "x-forward-url",
                        url,
                        "x-token-id",
                        "not-a-token");

        for (Reply r : List.of(noUrl, badUrl, relativeUrl)) {
            assertProxyError(r, 400, "malformed-request");
            assertTrue(r.json().getString("detail").contains("x-forward-url"), r.body());
        }
        for (Reply r : List.of(noToken, badToken)) {
            assertProxyError(r, 400, "malformed-request");
            assertTrue(r.json().getString("detail").contains("x-token-id"), r.body());
        }
        assertEquals(before, psp.hits());
    }

    @Test
    void placeholder_unknown_400WithPositionNothingSent() {
        String id = token(api, sk, VISA, 7, 2031, null, null);
        int before = psp.hits();

        Reply body =
                forward("POST", "/ok/pay", id, "application/json", utf8("{\"a\":\"{{ nope }}\"}"));
        assertProxyError(body, 400, "invalid-placeholder");
        assertTrue(body.json().getString("detail").contains("position 9"), body.body());

        Reply filter = forward("POST", "/ok/pay", id, "text/plain", utf8("xx{{ number | upper }}"));
        assertProxyError(filter, 400, "invalid-placeholder");
        assertTrue(filter.json().getString("detail").contains("position 14"), filter.body());

        Reply unterminated =
                forward("POST", "/ok/pay", id, "application/json", utf8("{\"a\":\"{{ number \"}"));
        assertProxyError(unterminated, 400, "invalid-placeholder");

        Reply query = forwardTo("GET", psp.base() + "/ok/pay?n={{ nope }}", id, null, null);
        assertProxyError(query, 400, "invalid-placeholder");
        assertTrue(query.json().getString("detail").contains("position 5"), query.body());

        Reply header =
                forward(
                        "POST",
                        "/ok/pay",
                        id,
                        "application/json",
                        utf8("{}"),
                        "x-card",
                        "{{ nope }}");
        assertProxyError(header, 400, "invalid-placeholder");
        assertTrue(header.json().getString("detail").contains("position 3"), header.body());

        assertEquals(before, psp.hits(), "nothing may be sent");
    }

    @Test
    void auth_noKey401_publishableKey403() {
        String id = token(api, sk, VISA, 7, 2031, null, null);
        int before = psp.hits();
        String url = psp.base() + "/ok/pay";

        Reply none =
                ForwardSupport.send(
                        api,
                        "POST",
                        utf8("{}"),
                        "content-type",
                        "application/json",
                        "x-forward-url",
                        url,
                        "x-token-id",
                        id);
        assertProxyError(none, 401, "unauthenticated");
        Reply unknown =
                ForwardSupport.send(
                        api,
                        "POST",
                        utf8("{}"),
                        "x-api-key",
                        "sk_" + "A".repeat(32),
                        "content-type",
                        "application/json",
                        "x-forward-url",
                        url,
                        "x-token-id",
                        id);
        assertProxyError(unknown, 401, "unauthenticated");
        Reply publishable =
                ForwardSupport.send(
                        api,
                        "POST",
                        utf8("{}"),
                        "x-api-key",
                        pk,
                        "content-type",
                        "application/json",
                        "x-forward-url",
                        url,
                        "x-token-id",
                        id);
        assertProxyError(publishable, 403, "forbidden");
        assertEquals(before, psp.hits());
    }

    // ---------------------------------------------------------------- CVC

    @Test
    void cvc_usedOnceThenUnavailable_recollectRestores() {
        String id = token(api, sk, VISA, 7, 2031, "123", null);
        String body = "{\"n\":\"{{ number }}\",\"cvc\":\"{{ cvc }}\"}";

        Reply first = forward("POST", "/ok/cvc", id, "application/json", utf8(body));
        assertEquals(200, first.status(), mask(first.body()));
        assertSameText(
                "123",
                Json.createReader(new StringReader(psp.last().bodyText()))
                        .readObject()
                        .getString("cvc"),
                "CVC received by the PSP");

        int before = psp.hits();
        Reply second = forward("POST", "/ok/cvc", id, "application/json", utf8(body));
        assertProxyError(second, 422, "cvc-unavailable");
        assertEquals(before, psp.hits(), "nothing sent without the CVC");
        assertFalse(cvcAvailable(id));

        // a forward that does not use the CVC still works
        assertEquals(
                200,
                forward(
                                "POST",
                                "/ok/no-cvc",
                                id,
                                "application/json",
                                utf8("{\"n\":\"{{ number }}\"}"))
                        .status());

        assertEquals(
                204,
                api.postJson("api/v1/tokens/" + id + "/cvc", "{\"cvc\":\"456\"}", "x-api-key", sk)
                        .status());
        assertTrue(cvcAvailable(id));
        Reply third = forward("POST", "/ok/cvc", id, "application/json", utf8(body));
        assertEquals(200, third.status(), mask(third.body()));
        assertSameText(
                "456",
                Json.createReader(new StringReader(psp.last().bodyText()))
                        .readObject()
                        .getString("cvc"),
                "CVC received by the PSP");
        assertFalse(cvcAvailable(id));
    }

    @Test
    void cvc_declined402_doesNotConsume() {
        String id = token(api, sk, VISA, 7, 2031, "321", null);
        String body = "{\"cvc\":\"{{ cvc }}\"}";

        assertEquals(
                402, forward("POST", "/decline/cvc", id, "application/json", utf8(body)).status());
        assertTrue(cvcAvailable(id), "a declined payment keeps the CVC for the retry");
        assertEquals(
                500, forward("POST", "/fail/cvc", id, "application/json", utf8(body)).status());
        assertTrue(cvcAvailable(id), "a PSP error keeps the CVC for the retry");

        Reply retry = forward("POST", "/ok/cvc", id, "application/json", utf8(body));
        assertEquals(200, retry.status());
        assertSameText("{\"cvc\":\"321\"}", psp.last().bodyText(), "CVC retry body");
        assertFalse(cvcAvailable(id));
    }

    // ---------------------------------------------------------------- idempotency

    @Test
    void idempotencyKey_sameRequestTwice_replayedWithoutSecondCall() {
        String id = token(api, sk, VISA, 7, 2031, null, null);
        String key = "fwd-" + UUID.randomUUID();
        byte[] body = utf8("{\"n\":\"{{ number }}\",\"amount\":100}");
        int before = psp.hits();

        Reply first =
                forward(
                        "POST",
                        "/created/idem",
                        id,
                        "application/json",
                        body,
                        "Idempotency-Key",
                        key);
        Reply again =
                forward(
                        "POST",
                        "/created/idem",
                        id,
                        "application/json",
                        body,
                        "Idempotency-Key",
                        key);

        assertEquals(201, first.status());
        assertEquals(first.status(), again.status());
        assertEquals(first.body(), again.body());
        assertNotNull(first.header("x-cardvault-forward-id"));
        assertEquals(
                first.header("x-cardvault-forward-id"), again.header("x-cardvault-forward-id"));
        assertEquals(before + 1, psp.hits(), "the replay must not call the PSP again");
    }

    @Test
    void idempotencyKey_differentBody_409Conflict() {
        String id = token(api, sk, VISA, 7, 2031, null, null);
        String key = "fwd-" + UUID.randomUUID();
        assertEquals(
                201,
                forward(
                                "POST",
                                "/created/idem",
                                id,
                                "application/json",
                                utf8("{\"amount\":100}"),
                                "Idempotency-Key",
                                key)
                        .status());
        int before = psp.hits();

        Reply conflict =
                forward(
                        "POST",
                        "/created/idem",
                        id,
                        "application/json",
                        utf8("{\"amount\":999}"),
                        "Idempotency-Key",
                        key);

        assertProxyError(conflict, 409, "idempotency-conflict");
        assertEquals(before, psp.hits());
    }

    // ---------------------------------------------------------------- masking

    @Test
    void pspEchoesPan_merchantGetsOnlyMaskedForms() {
        assertEchoMasked(VISA, "411111******1111", "4111 11** **** 1111", "4111-11**-****-1111");
        assertEchoMasked(AMEX, "378282*****0005", "3782 82** ***0 005", "3782-82**-***0-005");
    }

    private void assertEchoMasked(
            String pan, String masked, String maskedSpaced, String maskedDashed) {
        String id = token(api, sk, pan, 7, 2031, null, null);
        Reply r = forward("POST", "/echo-pan/pay", id, "text/plain", utf8("{{ number }}"));

        assertEquals(200, r.status());
        assertTrue(pan.equals(psp.last().bodyText()), "the PSP got the real PAN");
        String body = r.body();
        assertFalse(body.contains(pan), "plain PAN relayed to the merchant");
        assertFalse(body.contains(MockPsp.grouped(pan, ' ')), "spaced PAN relayed to the merchant");
        assertFalse(body.contains(MockPsp.grouped(pan, '-')), "dashed PAN relayed to the merchant");
        assertFalse(
                body.replaceAll("[^0-9]", "").contains(pan), "PAN digits relayed to the merchant");
        JsonObject json = Json.createReader(new StringReader(body)).readObject();
        assertSameText(masked, json.getString("plain"), "plain PAN echoed");
        assertSameText(maskedSpaced, json.getString("spaced"), "spaced PAN echoed");
        assertSameText(maskedDashed, json.getString("dashed"), "dashed PAN echoed");
        assertEquals("approved", json.getString("status"));
    }

    @Test
    void pspEchoesHeader_injectedHeaderMasked() {
        String id = token(api, sk, MASTERCARD, 7, 2031, null, null);
        Reply r =
                forwardTo(
                        "GET",
                        psp.base() + "/echo-header/x?h=x-card",
                        id,
                        null,
                        null,
                        "x-card",
                        "{{ number }}");

        assertEquals(200, r.status());
        assertTrue(
                MASTERCARD.equals(psp.last().header("x-card")),
                "the PSP got the PAN in the header");
        assertSameText(
                "555555******4444", r.body(), "header echoed by the PSP, relayed to the merchant");
    }

    @Test
    void pspEchoesPanAndCvcEveryWay_bodyAndHeadersShowOnlyBinAndLast4() {
        String id = token(api, sk, VISA, 7, 2031, "123", null);
        Reply r =
                forward(
                        "POST",
                        "/echo-variants/pay",
                        id,
                        "text/plain",
                        utf8("{{ number }},{{ cvc }}"));

        assertEquals(200, r.status());
        String body = r.body();
        for (String sep : MockPsp.VARIANT_SEPARATORS) {
            assertFalse(
                    body.contains(MockPsp.grouped(VISA, sep)),
                    "PAN with separator U+" + Integer.toHexString(sep.charAt(0)) + " relayed");
        }
        assertFalse(body.contains(MockPsp.fullwidth(VISA)), "fullwidth PAN relayed");
        assertFalse(body.contains(VISA.substring(0, 15)), "15 PAN digits relayed");
        assertFalse(body.contains("cvc=123"), "CVC relayed");
        assertTrue(body.contains("cvc=***"), "CVC masked");
        assertEquals("411111******1111", r.header("x-echo-pan"));
        assertEquals("4111.11**.****.1111", r.header("x-echo-dotted"));
        assertEquals("***", r.header("x-echo-cvc"));
    }

    @Test
    void merchantAsksForGzip_destinationGetsAcceptEncodingIdentity() {
        String id = token(api, sk, VISA, 7, 2031, null, null);
        Reply r =
                forwardTo(
                        "GET",
                        psp.base() + "/echo-header/x?h=accept-encoding",
                        id,
                        null,
                        null,
                        "accept-encoding",
                        "gzip, br");
        assertEquals(200, r.status());
        assertEquals("identity", r.body());
    }

    @Test
    void pspGzipsAnyway_bodyDecodedAndMasked_brotli502() {
        String id = token(api, sk, VISA, 7, 2031, null, null);
        Reply r = forward("POST", "/gzip-echo/x", id, "text/plain", utf8("pan {{ number }}"));
        assertEquals(200, r.status());
        assertEquals("pan 411111******1111", r.body());
        assertNull(r.header("content-encoding"), "the relayed body is identity-encoded");

        Reply br = forward("POST", "/brotli/x", id, "text/plain", utf8("{{ number }}"));
        assertProxyError(br, 502, "response-unreadable");
    }

    @Test
    void pspAnswersOverMaxResponse_502ResponseTooLarge() {
        String id = token(api, sk, VISA, 7, 2031, null, null);
        long elevenMiB = 11L * 1024 * 1024;
        for (String q : List.of("n=" + elevenMiB, "n=" + elevenMiB + "&chunked=1")) {
            Reply r = forwardTo("GET", psp.base() + "/big/x?" + q, id, null, null);
            assertProxyError(r, 502, "response-too-large");
        }
        Reply small = forwardTo("GET", psp.base() + "/big/x?n=1000&chunked=1", id, null, null);
        assertEquals(200, small.status());
        assertEquals(1000, small.body().length());
    }

    @Test
    void pspRedirectsRelative_locationRelayedUnchanged() {
        String id = token(api, sk, VISA, 7, 2031, null, null);
        Reply r = forwardTo("GET", psp.base() + "/relative-redirect/x", id, null, null);
        assertEquals(302, r.status());
        assertEquals("/relative/next?step=2", r.header("location"));
    }

    @Test
    void jsonBodyNotJson_400MalformedBodyNothingSent_tailOver4_400() {
        String id = token(api, sk, VISA, 7, 2031, null, "Eve");
        int before = psp.hits();
        Reply comment =
                forward(
                        "POST",
                        "/echo/x",
                        id,
                        "application/json",
                        utf8("{\"name\":\"{{ holderName }}\" /* note */, \"amount\": 1}"));
        assertProxyError(comment, 400, "malformed-body");
        Reply vendor =
                forward(
                        "POST",
                        "/echo/x",
                        id,
                        "application/vnd.psp+json",
                        utf8("{\"n\":\"{{ number }}\",}"));
        assertProxyError(vendor, 400, "malformed-body");
        Reply tail =
                forward(
                        "POST",
                        "/echo/x",
                        id,
                        "application/json",
                        utf8("{\"n\":\"{{ number | tail(6) }}\"}"));
        assertProxyError(tail, 400, "invalid-placeholder");
        assertEquals(before, psp.hits(), "nothing may be sent");

        byte[] notJsonNoPlaceholder = utf8("{\"a\": 1, /* kept */ }");
        Reply untouched = forward("POST", "/echo/x", id, "application/json", notJsonNoPlaceholder);
        assertEquals(200, untouched.status());
        assertArrayEquals(notJsonNoPlaceholder, psp.last().body());
    }

    @Test
    void forwardUrl_dotSegmentTricks_403NothingSent() {
        String id = token(api, sk, VISA, 7, 2031, null, null);
        int before = psp.hits();
        for (String path :
                List.of(
                        "/ok/..;/admin",
                        "/ok/.;/x",
                        "/ok/%252e%252e/admin",
                        "/ok/%C0%AE%C0%AE/admin")) {
            Reply r = forwardTo("POST", psp.base() + path, id, "application/json", utf8("{}"));
            assertProxyError(r, 403, "destination-not-allowed");
        }
        assertEquals(before, psp.hits(), "nothing may be sent");
    }

    // ---------------------------------------------------------------- audit

    @Test
    void audit_forwardRecorded_withoutPanOrQuery() {
        String id = token(api, sk, VISA, 7, 2031, null, null);
        Reply r =
                forwardTo(
                        "POST",
                        psp.base() + "/ok/audited/path?n={{ number }}&marker=q-marker-1",
                        id,
                        "application/json",
                        utf8("{\"n\":\"{{ number }}\"}"));
        assertEquals(200, r.status());
        String forwardId = r.header("x-cardvault-forward-id");
        Reply failed =
                forward(
                        "POST",
                        "/ok/audited/path",
                        id,
                        "application/json",
                        utf8("{\"a\":\"{{ nope }}\"}"));
        assertEquals(400, failed.status());

        Reply audit = api.send("GET", "api/v1/audit?limit=100", null, "x-api-key", sk);
        assertEquals(200, audit.status(), audit.body());
        JsonArray rows = audit.json().getJsonArray("data");
        JsonObject row =
                rows.stream()
                        .map(JsonValue::asJsonObject)
                        .filter(o -> forwardId.equals(o.getString("forwardId")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no audit row for the forward"));
        assertEquals(id, row.getString("tokenId"));
        assertEquals("POST", row.getString("method"));
        assertEquals("127.0.0.1", row.getString("host"));
        assertEquals("/ok/audited/path", row.getString("path"));
        assertEquals(200, row.getInt("status"));
        assertTrue(row.getJsonNumber("durationMs").longValue() >= 0);
        assertTrue(Api.isNull(row.get("errorCode")));
        assertFalse(audit.body().contains(VISA), "no PAN in the audit trail");
        assertFalse(audit.body().contains("q-marker-1"), "no query in the audit trail");
        assertFalse(audit.body().contains("marker"), "no query in the audit trail");

        JsonObject newest = rows.getJsonObject(0);
        assertEquals(
                "invalid-placeholder",
                newest.getString("errorCode"),
                "failed forwards are audited too, newest first");
        assertEquals(400, newest.getInt("status"));

        assertEquals(403, api.send("GET", "api/v1/audit", null, "x-api-key", pk).status());
        assertEquals(401, api.send("GET", "api/v1/audit", null).status());
        assertEquals(
                400, api.send("GET", "api/v1/audit?limit=101", null, "x-api-key", sk).status());
        Reply otherTenant = api.send("GET", "api/v1/audit", null, "x-api-key", otherSk);
        assertEquals(200, otherTenant.status());
        assertFalse(
                otherTenant.body().contains(forwardId), "a tenant sees only its own audit trail");
    }

    // ---------------------------------------------------------------- helpers

    private boolean cvcAvailable(String id) {
        Reply r = api.send("GET", "api/v1/tokens/" + id, null, "x-api-key", sk);
        assertEquals(200, r.status());
        return r.json().getJsonObject("card").getBoolean("cvcAvailable");
    }

    /** Forwards to {@code <mock base><path>} with the class tenant's secret key. */
    private Reply forward(
            String method,
            String path,
            String tokenId,
            String contentType,
            byte[] body,
            String... extra) {
        return forwardTo(method, psp.base() + path, tokenId, contentType, body, extra);
    }

    private Reply forwardTo(
            String method,
            String url,
            String tokenId,
            String contentType,
            byte[] body,
            String... extra) {
        List<String> h =
                new ArrayList<>(
                        List.of("x-api-key", sk, "x-forward-url", url, "x-token-id", tokenId));
        if (contentType != null) {
            h.add("content-type");
            h.add(contentType);
        }
        h.addAll(List.of(extra));
        return ForwardSupport.send(api, method, body, h.toArray(String[]::new));
    }

    private static void assertProxyError(Reply r, int status, String type) {
        assertEquals(status, r.status(), "status; body: " + mask(r.body()));
        assertEquals("true", r.header("x-cardvault-error"), "proxy errors carry x-cardvault-error");
        assertTrue(
                r.header("content-type").startsWith("application/problem+json"),
                r.header("content-type"));
        assertEquals(type, r.problemType());
        assertFalse(
                r.body().contains(VISA) || r.body().contains(MASTERCARD) || r.body().contains(AMEX),
                "problem details never echo a PAN");
    }
}
