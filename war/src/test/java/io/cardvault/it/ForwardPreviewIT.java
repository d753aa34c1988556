package io.cardvault.it;

import static io.cardvault.it.ForwardSupport.assertSameText;
import static io.cardvault.it.ForwardSupport.mask;
import static io.cardvault.it.ForwardSupport.token;
import static io.cardvault.it.ForwardSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.it.Api.Reply;
import io.cardvault.it.MockPsp.Received;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.UUID;
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

/**
 * Preview and forward agree: the same request is previewed, then forwarded to the mock PSP's echo
 * route, and what the PSP received, with the card values masked, must be exactly what the preview
 * showed — body, headers and query, in every body format. The preview comes first, so a forward
 * that still finds the CVC also proves the preview did not consume it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ForwardPreviewIT {

    static final String VISA = "4111111111111111";
    static final String CVC = "737";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    @ArquillianResource URL base;

    static MockPsp psp;
    static String sk;

    Api api;

    @BeforeAll
    static void startMock() throws IOException {
        psp = new MockPsp();
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
            sk =
                    api.createTenant(
                                    "Preview IT " + UUID.randomUUID(),
                                    "[\"https://shop.example\"]",
                                    "[\"" + psp.base() + "/*\"]")
                            .getString("secretKey");
        }
    }

    @Test
    void json_previewAndForward_agree() {
        JsonObject preview =
                agree(
                        "application/json",
                        "{ \"card\": {\"number\":\"{{ number }}\", \"cvc\":\"{{ cvc }}\"},\n"
                                + " \"items\":[{\"last4\":\"{{ number | tail(4) }}\"}] }",
                        "");
        assertEquals(
                List.of("body:/card/number", "body:/card/cvc", "body:/items/0/last4"),
                locations(preview));
        assertEquals(
                "{{ number }}",
                preview.getJsonArray("placeholders").getJsonObject(0).getString("expression"));
        assertTrue(preview.getJsonObject("request").getString("body").contains("411111******1111"));
    }

    @Test
    void form_previewAndForward_agree() {
        JsonObject preview =
                agree(
                        "application/x-www-form-urlencoded",
                        "amount=1999&card%5Bnumber%5D={{ number }}&card%5Bcvc%5D={{ cvc }}",
                        "");
        assertEquals(List.of("form:card[number]", "form:card[cvc]"), locations(preview));
    }

    @Test
    void xml_previewAndForward_agree() {
        JsonObject preview =
                agree(
                        "application/xml",
                        "<pay><pan>{{ number }}</pan><cvc>{{ cvc }}</cvc></pay>",
                        "");
        assertEquals(List.of("text:10", "text:33"), locations(preview));
    }

    @Test
    void text_previewAndForward_agree() {
        JsonObject preview = agree("text/plain", "PAN {{ number }} CVC {{ cvc }}", "");
        assertEquals(List.of("text:4", "text:21"), locations(preview));
    }

    @Test
    void headerAndQuery_previewAndForward_agree() {
        JsonObject preview =
                agree(
                        "application/json",
                        "{\"plain\":true}",
                        "?pan={{ number }}&c={{ cvc }}",
                        "x-card-number",
                        "{{ number }}",
                        "x-card-cvc",
                        "cvc={{ cvc }}");
        assertEquals(
                java.util.Set.of(
                        "header:x-card-cvc", "header:x-card-number", "query:pan", "query:c"),
                java.util.Set.copyOf(locations(preview)));
        assertEquals(4, locations(preview).size());
        assertEquals(
                "***",
                preview.getJsonObject("request")
                        .getJsonObject("headers")
                        .getString("x-card-cvc")
                        .substring(4));
    }

    @Test
    void refusals_areTheForwardsProblems_andNothingIsSent() {
        String id = token(api, sk, VISA, 12, 2031, null, null);
        int before = psp.hits();
        String[][] cases = {
            {
                "https://not-allowed.example/pay",
                "{\"n\":\"{{ number }}\"}",
                "destination-not-allowed"
            },
            {psp.base() + "/echo/x", "{\"n\":\"{{ numbr }}\"}", "invalid-placeholder"},
            {psp.base() + "/echo/x", "{\"n\":\"{{ cvc }}\"}", "cvc-unavailable"}
        };
        for (String[] c : cases) {
            Reply preview = send("api/v1/forward/preview", c[0], id, "application/json", c[1]);
            Reply forward = send("api/v1/forward", c[0], id, "application/json", c[1]);
            assertEquals(forward.status(), preview.status(), c[2]);
            assertEquals(c[2], preview.problemType());
            assertEquals(c[2], forward.problemType());
            assertEquals("true", preview.header("x-cardvault-error"));
            assertFalse(preview.body().contains(VISA));
        }
        assertEquals(before, psp.hits(), "nothing reached the destination");
    }

    @Test
    void preview_isAudited_asAPreview() {
        String id = token(api, sk, VISA, 12, 2031, null, null);
        Reply r =
                send(
                        "api/v1/forward/preview",
                        psp.base() + "/echo/audited",
                        id,
                        "text/plain",
                        "{{ number }}");
        assertEquals(200, r.status(), mask(r.body()));
        String forwardId = r.header("x-cardvault-forward-id");
        JsonArray audit =
                api.send("GET", "api/v1/audit?limit=20", null, "x-api-key", sk)
                        .json()
                        .getJsonArray("data");
        JsonObject entry =
                audit.stream()
                        .map(JsonObject.class::cast)
                        .filter(o -> o.getString("forwardId").equals(forwardId))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no audit row for the preview"));
        assertTrue(entry.getBoolean("preview"));
        assertEquals("/echo/audited", entry.getString("path"));
    }

    /**
     * Previews, then forwards the same request to /echo, and checks that the masked reception
     * equals the preview: body, the named headers and the query.
     */
    private JsonObject agree(
            String contentType, String body, String query, String... extraHeaders) {
        String id = token(api, sk, VISA, 12, 2031, CVC, null);
        // no '7' in the random path: "737" (the CVC) in it would be redacted in the forward's echo
        String url = psp.base() + "/echo/" + UUID.randomUUID().toString().replace('7', 'b') + query;
        Reply preview = send("api/v1/forward/preview", url, id, contentType, body, extraHeaders);
        assertEquals(200, preview.status(), mask(preview.body()));
        assertFalse(preview.body().contains(VISA), "the preview shows no PAN");
        int before = psp.hits();
        Reply forward = send("api/v1/forward", url, id, contentType, body, extraHeaders);
        assertEquals(
                200,
                forward.status(),
                "the CVC is still there after the preview: " + mask(forward.body()));
        assertEquals(before + 1, psp.hits());
        Received received = psp.last();
        JsonObject p = preview.json();
        JsonObject request = p.getJsonObject("request");
        boolean form = contentType.equals("application/x-www-form-urlencoded");
        assertSameText(
                form ? encodedMasked(received.bodyText()) : masked(received.bodyText()),
                request.getString("body"),
                "body");
        for (int i = 0; i < extraHeaders.length; i += 2) {
            assertSameText(
                    masked(received.header(extraHeaders[i])),
                    request.getJsonObject("headers").getString(extraHeaders[i]),
                    "header " + extraHeaders[i]);
        }
        assertSameText(
                encodedMasked(psp.base() + received.pathAndQuery()),
                p.getJsonObject("destination").getString("url"),
                "url");
        assertEquals("127.0.0.1", p.getJsonObject("destination").getString("address"));
        assertEquals("POST", request.getString("method"));
        return p;
    }

    private Reply send(
            String path,
            String url,
            String tokenId,
            String contentType,
            String body,
            String... extraHeaders) {
        String[] headers = new String[8 + extraHeaders.length];
        String[] fixed = {
            "x-api-key",
            sk,
            "x-forward-url",
            url,
            "x-token-id",
            tokenId,
            "Content-Type",
            contentType
        };
        System.arraycopy(fixed, 0, headers, 0, 8);
        System.arraycopy(extraHeaders, 0, headers, 8, extraHeaders.length);
        return api.sendBytes("POST", path, utf8(body), headers);
    }

    private static String masked(String received) {
        return received.replace(VISA, "411111******1111").replace(CVC, "***");
    }

    /** In forms and queries the masks are percent-encoded like the values they stand for. */
    private static String encodedMasked(String received) {
        return received.replace(VISA, "411111%2A%2A%2A%2A%2A%2A1111").replace(CVC, "%2A%2A%2A");
    }

    private static List<String> locations(JsonObject preview) {
        return preview.getJsonArray("placeholders").stream()
                .map(v -> ((JsonObject) v).getString("location"))
                .toList();
    }
}
