package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.it.Api.Reply;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tokens API end to end against the real WAR: every status and problem type of the contract.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TokensApiIT {

    private static final Pattern UUID_V4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    @ArquillianResource URL base;

    Api api;
    String pk;
    String sk;

    @BeforeEach
    void tenant() {
        api = new Api(base);
        JsonObject t = api.createTenant("Tokens IT " + UUID.randomUUID());
        pk = t.getString("publishableKey");
        sk = t.getString("secretKey");
    }

    @Test
    void create_validCard_returns201WithMaskedMetadata() {
        Reply r =
                api.postJson(
                        "api/v1/tokens",
                        "{\"number\":\"4111 1111-1111 1111\",\"expiryMonth\":12,\"expiryYear\":30,\"cvc\":\"123\",\"holderName\":\"Jane Doe\"}",
                        "x-api-key",
                        pk);
        assertEquals(201, r.status(), r.body());
        JsonObject j = r.json();
        assertTrue(UUID_V4.matcher(j.getString("id")).matches());
        assertTrue(r.header("Location").endsWith("/api/v1/tokens/" + j.getString("id")));
        JsonObject card = j.getJsonObject("card");
        assertEquals("visa", card.getString("brand"));
        assertEquals("411111", card.getString("bin"));
        assertEquals("1111", card.getString("last4"));
        assertEquals(12, card.getInt("expiryMonth"));
        assertEquals(2030, card.getInt("expiryYear"));
        assertTrue(card.getBoolean("cvcAvailable"));
        assertFalse(card.getString("fingerprint").isEmpty());
        assertFalse(r.body().contains("4111111111111111"), "PAN must never be echoed");
        assertNotNull(j.getString("createdAt"));
        assertEquals("no-store", r.header("Cache-Control"));
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        assertNotNull(r.header("x-request-id"));
    }

    @Test
    void create_everyBrand_detected() {
        String[][] cards = {
            {"4111111111111111", "visa"},
            {"5555555555554444", "mastercard"},
            {"378282246310005", "amex"},
            {"6011111111111117", "discover"},
            {"30569309025904", "diners"},
            {"3566002020360505", "jcb"},
            {"6200000000000005", "unionpay"},
            {"6759649826438453", "maestro"},
            {"1234567812345670", "unknown"}
        };
        for (String[] c : cards) {
            Reply r = api.postJson("api/v1/tokens", Api.card(c[0], 1, 2031, null), "x-api-key", sk);
            assertEquals(201, r.status(), "brand " + c[1]);
            assertEquals(c[1], r.json().getJsonObject("card").getString("brand"));
        }
    }

    @Test
    void read_withSecretKey_returnsSameJson() {
        JsonObject created =
                api.postJson(
                                "api/v1/tokens",
                                Api.card("5555555555554444", 1, 2031, null),
                                "x-api-key",
                                pk)
                        .json();
        Reply r =
                api.send("GET", "api/v1/tokens/" + created.getString("id"), null, "x-api-key", sk);
        assertEquals(200, r.status());
        assertEquals(created.getString("id"), r.json().getString("id"));
        assertEquals(
                created.getJsonObject("card").getString("fingerprint"),
                r.json().getJsonObject("card").getString("fingerprint"));
        assertFalse(r.json().getJsonObject("card").getBoolean("cvcAvailable"));
    }

    @Test
    void read_withPublishableKey_returns403() {
        String id =
                api.postJson(
                                "api/v1/tokens",
                                Api.card("5555555555554444", 1, 2031, null),
                                "x-api-key",
                                pk)
                        .json()
                        .getString("id");
        Reply r = api.send("GET", "api/v1/tokens/" + id, null, "x-api-key", pk);
        assertEquals(403, r.status());
        assertEquals("forbidden", r.problemType());
        assertEquals("application/problem+json", r.header("Content-Type"));
    }

    @Test
    void read_otherTenantsToken_returns404() {
        String id =
                api.postJson(
                                "api/v1/tokens",
                                Api.card("5555555555554444", 1, 2031, null),
                                "x-api-key",
                                pk)
                        .json()
                        .getString("id");
        String otherSk = api.createTenant("Other " + UUID.randomUUID()).getString("secretKey");
        Reply r = api.send("GET", "api/v1/tokens/" + id, null, "x-api-key", otherSk);
        assertEquals(404, r.status());
        assertEquals("token-not-found", r.problemType());
        assertEquals(
                404,
                api.send("DELETE", "api/v1/tokens/" + id, null, "x-api-key", otherSk).status());
        assertEquals(
                200,
                api.send("GET", "api/v1/tokens/" + id, null, "x-api-key", sk).status(),
                "still there for its owner");
    }

    @Test
    void fingerprint_sameCard_sameWithinTenantDifferentAcross() {
        String f1 =
                api.postJson(
                                "api/v1/tokens",
                                Api.card("4242424242424242", 1, 2031, null),
                                "x-api-key",
                                sk)
                        .json()
                        .getJsonObject("card")
                        .getString("fingerprint");
        String f2 =
                api.postJson(
                                "api/v1/tokens",
                                Api.card("4242 4242 4242 4242", 2, 2032, null),
                                "x-api-key",
                                sk)
                        .json()
                        .getJsonObject("card")
                        .getString("fingerprint");
        String otherSk = api.createTenant("Other " + UUID.randomUUID()).getString("secretKey");
        String f3 =
                api.postJson(
                                "api/v1/tokens",
                                Api.card("4242424242424242", 1, 2031, null),
                                "x-api-key",
                                otherSk)
                        .json()
                        .getJsonObject("card")
                        .getString("fingerprint");
        assertEquals(f1, f2);
        assertNotEquals(f1, f3);
    }

    @Test
    void delete_thenRead_returns404() {
        String id =
                api.postJson(
                                "api/v1/tokens",
                                Api.card("5555555555554444", 1, 2031, "123"),
                                "x-api-key",
                                pk)
                        .json()
                        .getString("id");
        assertEquals(
                204, api.send("DELETE", "api/v1/tokens/" + id, null, "x-api-key", sk).status());
        assertEquals(404, api.send("GET", "api/v1/tokens/" + id, null, "x-api-key", sk).status());
        assertEquals(
                404, api.send("DELETE", "api/v1/tokens/" + id, null, "x-api-key", sk).status());
        assertEquals(
                403, api.send("DELETE", "api/v1/tokens/" + id, null, "x-api-key", pk).status());
    }

    @Test
    void recollectCvc_storedCard_makesCvcAvailable() {
        String id =
                api.postJson(
                                "api/v1/tokens",
                                Api.card("378282246310005", 1, 2031, null),
                                "x-api-key",
                                pk)
                        .json()
                        .getString("id");
        assertEquals(
                422,
                api.postJson("api/v1/tokens/" + id + "/cvc", "{\"cvc\":\"123\"}", "x-api-key", pk)
                        .status(),
                "amex needs 4");
        assertEquals(
                204,
                api.postJson("api/v1/tokens/" + id + "/cvc", "{\"cvc\":\"1234\"}", "x-api-key", pk)
                        .status());
        Reply r = api.send("GET", "api/v1/tokens/" + id, null, "x-api-key", sk);
        assertTrue(r.json().getJsonObject("card").getBoolean("cvcAvailable"));
        assertEquals(
                404,
                api.postJson(
                                "api/v1/tokens/" + UUID.randomUUID() + "/cvc",
                                "{\"cvc\":\"1234\"}",
                                "x-api-key",
                                pk)
                        .status());
    }

    @Test
    void create_invalidCards_return422WithCodes() {
        assertFieldError("{\"expiryMonth\":12,\"expiryYear\":2030}", "number", "required");
        assertFieldError(
                "{\"number\":null,\"expiryMonth\":12,\"expiryYear\":2030}", "number", "required");
        assertFieldError(Api.card("4111111111111112", 12, 2030, null), "number", "invalid-luhn");
        assertFieldError(Api.card("41111111111", 12, 2030, null), "number", "invalid-length");
        assertFieldError(
                Api.card("4111x11111111111", 12, 2030, null), "number", "unsupported-characters");
        assertFieldError(
                Api.card(
                        "\u0664\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661",
                        12,
                        2030,
                        null),
                "number",
                "unsupported-characters");
        assertFieldError(
                "{\"number\":4111111111111111,\"expiryMonth\":12,\"expiryYear\":2030}",
                "number",
                "unsupported-characters");
        assertFieldError(Api.card("4111111111111111", 12, 2020, null), "expiryYear", "expired");
        assertFieldError(
                Api.card("4111111111111111", 13, 2030, null), "expiryMonth", "invalid-month");
        assertFieldError(
                Api.card("4111111111111111", 0, 2030, null), "expiryMonth", "invalid-month");
        assertFieldError(
                "{\"number\":\"4111111111111111\",\"expiryYear\":2030}", "expiryMonth", "required");
        assertFieldError(Api.card("4111111111111111", 12, 2030, "12"), "cvc", "invalid-cvc");
        assertFieldError(Api.card("378282246310005", 12, 2030, "123"), "cvc", "invalid-cvc");
        assertFieldError(
                "{\"number\":\"4111111111111111\",\"expiryMonth\":12,\"expiryYear\":2030,\"holderName\":\""
                        + "x".repeat(101)
                        + "\"}",
                "holderName",
                "invalid-length");
    }

    @Test
    void create_malformedInput_neverReturns500() {
        String[] bodies = {
            "",
            "{",
            "[]",
            "\"x\"",
            "null",
            "42",
            "{\"number\":",
            "{\"number\":{}}",
            "{\"number\":[1,2]}",
            "{\"expiryMonth\":1e400}",
            "{\"expiryMonth\":-1}",
            "{\"expiryMonth\":12.5}",
            "[".repeat(5000),
            "{\"a\":".repeat(3000),
            "{\"number\":\"\\u0000\"}",
            "{\"number\":\"\\ud800\"}",
            "{\"holderName\":true}",
            "{\"cvc\":123}"
        };
        for (String body : bodies) {
            Reply r = api.postJson("api/v1/tokens", body, "x-api-key", sk);
            assertTrue(
                    r.status() == 400 || r.status() == 422,
                    "body of length " + body.length() + " answered " + r.status());
            assertEquals("application/problem+json", r.header("Content-Type"));
        }
        Reply invalidUtf8 =
                api.send(
                        "POST",
                        "api/v1/tokens",
                        "{\"number\":\"\u00ff\"}",
                        "Content-Type",
                        "application/json; charset=utf-8",
                        "x-api-key",
                        sk);
        assertTrue(invalidUtf8.status() == 400 || invalidUtf8.status() == 422);
    }

    @Test
    void create_hugeNumbers_4xxNever500() {
        for (String n :
                List.of("1e99999999999", "1E+99999", "9".repeat(5000), "-" + "1".repeat(300))) {
            String body =
                    "{\"number\":\"4111111111111111\",\"expiryMonth\":"
                            + n
                            + ",\"expiryYear\":2031}";
            Reply r = api.postJson("api/v1/tokens", body, "x-api-key", sk);
            assertTrue(r.status() == 400 || r.status() == 422, "answered " + r.status());
            assertEquals("application/problem+json", r.header("Content-Type"));
            Reply year =
                    api.postJson(
                            "api/v1/tokens",
                            "{\"number\":\"4111111111111111\",\"expiryMonth\":12,\"expiryYear\":"
                                    + n
                                    + "}",
                            "x-api-key",
                            sk);
            assertTrue(year.status() == 400 || year.status() == 422, "answered " + year.status());
        }
    }

    @Test
    void create_publishableKeyFromForeignOrigin_403OriginNotAllowed() {
        String card = Api.card("4111111111111111", 12, 2031, "123");
        Reply foreign =
                api.postJson(
                        "api/v1/tokens", card, "x-api-key", pk, "Origin", "https://evil.example");
        assertEquals(403, foreign.status(), foreign.body());
        assertEquals("origin-not-allowed", foreign.problemType());
        Reply opaque = api.postJson("api/v1/tokens", card, "x-api-key", pk, "Origin", "null");
        assertEquals(403, opaque.status());

        Reply tenantOrigin =
                api.postJson(
                        "api/v1/tokens", card, "x-api-key", pk, "Origin", "https://shop.example");
        assertEquals(201, tenantOrigin.status(), tenantOrigin.body());
        // cardvault's own origin is cardvault.public-url, which also prefixes problem types
        String type = foreign.json().getString("type");
        String own = type.substring(0, type.indexOf("/problems/"));
        Reply ownOrigin = api.postJson("api/v1/tokens", card, "x-api-key", pk, "Origin", own);
        assertEquals(201, ownOrigin.status(), ownOrigin.body());
        Reply server = api.postJson("api/v1/tokens", card, "x-api-key", pk);
        assertEquals(201, server.status(), "no Origin: not a browser, not judged");
        Reply secret =
                api.postJson(
                        "api/v1/tokens", card, "x-api-key", sk, "Origin", "https://evil.example");
        assertEquals(201, secret.status(), "secret keys are not judged by origin");
    }

    @Test
    void fieldsPage_namesTheLocaleBundle_noLoaderHop() {
        for (String[] c :
                new String[][] {
                    {"&locale=de", "field.de.js"},
                    {"&locale=fr", "field.fr.js"},
                    {"&locale=xx", "field.en.js"},
                    {"&locale=..%2Fx", "field.en.js"},
                    {"", "field.en.js"}
                }) {
            Reply page =
                    api.send("GET", "fields/field.html?key=" + pk + "&field=number" + c[0], null);
            assertEquals(200, page.status(), c[0]);
            assertEquals("no-store", page.header("Cache-Control"), c[0]);
            assertTrue(page.header("Content-Type").startsWith("text/html"), c[0]);
            assertTrue(page.body().contains("<script src=\"" + c[1] + "\"></script>"), c[0]);
            assertFalse(page.body().contains("field.js"), "no loader hop: " + c[0]);
            assertTrue(page.body().contains("id=\"cv-input\""), "the field page itself");
        }
    }

    @Test
    void fieldsPage_duplicateKey_400() {
        Reply one = api.send("GET", "fields/field.html?key=" + pk + "&field=number", null);
        assertEquals(200, one.status());
        JsonObject other = api.createTenant("Tokens IT other " + UUID.randomUUID());
        Reply two =
                api.send(
                        "GET",
                        "fields/field.html?key="
                                + other.getString("publishableKey")
                                + "&key="
                                + pk
                                + "&field=number",
                        null);
        assertEquals(400, two.status());
    }

    @Test
    void create_malformedJson_returns400() {
        Reply r = api.postJson("api/v1/tokens", "{\"number\": \"4111", "x-api-key", pk);
        assertEquals(400, r.status());
        assertEquals("malformed-request", r.problemType());
        assertFalse(r.body().contains("4111"), "problem details must not echo input");
    }

    @Test
    void create_wrongMediaType_returns415() {
        Reply r =
                api.send(
                        "POST",
                        "api/v1/tokens",
                        Api.card("4111111111111111", 12, 2030, null),
                        "Content-Type",
                        "text/plain",
                        "x-api-key",
                        pk);
        assertEquals(415, r.status());
        assertEquals("unsupported-media-type", r.problemType());
    }

    @Test
    void create_bodyOver16KiB_returns413() {
        String body =
                "{\"number\":\"4111111111111111\",\"expiryMonth\":12,\"expiryYear\":2030,\"pad\":\""
                        + "x".repeat(17 * 1024)
                        + "\"}";
        Reply r = api.postJson("api/v1/tokens", body, "x-api-key", pk);
        assertEquals(413, r.status());
        assertEquals("payload-too-large", r.problemType());
    }

    @Test
    void anyEndpoint_missingOrUnknownKey_returns401() {
        assertEquals(
                401,
                api.postJson("api/v1/tokens", Api.card("4111111111111111", 12, 2030, null))
                        .status());
        Reply r =
                api.postJson(
                        "api/v1/tokens",
                        Api.card("4111111111111111", 12, 2030, null),
                        "x-api-key",
                        "sk_" + "A".repeat(32));
        assertEquals(401, r.status());
        assertEquals("unauthenticated", r.problemType());
        assertEquals(
                401,
                api.send(
                                "GET",
                                "api/v1/tokens/" + UUID.randomUUID(),
                                null,
                                "x-api-key",
                                "junk\u00e9")
                        .status());
    }

    @Test
    void read_malformedIds_return404() {
        for (String id :
                new String[] {
                    "x",
                    "123",
                    "..%2f..%2fetc",
                    "00000000-0000-1000-8000-000000000000",
                    "a".repeat(300)
                }) {
            Reply r = api.send("GET", "api/v1/tokens/" + id, null, "x-api-key", sk);
            assertEquals(404, r.status(), "id " + id);
        }
        for (String id : new String[] {"%00", "%0a", "%7F", "%ff"}) {
            Reply r = api.send("GET", "api/v1/tokens/" + id, null, "x-api-key", sk);
            assertTrue(
                    r.status() == 400 || r.status() == 404,
                    "encoded control character " + id + " answered " + r.status());
        }
    }

    @Test
    void idempotencyKey_sameBody_sameToken_differentBody_409() {
        String body = Api.card("4111111111111111", 12, 2030, "123");
        Reply first =
                api.postJson("api/v1/tokens", body, "x-api-key", sk, "Idempotency-Key", "order-42");
        Reply again =
                api.postJson("api/v1/tokens", body, "x-api-key", sk, "Idempotency-Key", "order-42");
        assertEquals(201, first.status());
        assertEquals(201, again.status());
        assertEquals(first.json().getString("id"), again.json().getString("id"));
        assertEquals("true", again.header("Idempotent-Replayed"));
        Reply conflict =
                api.postJson(
                        "api/v1/tokens",
                        Api.card("5555555555554444", 12, 2030, null),
                        "x-api-key",
                        sk,
                        "Idempotency-Key",
                        "order-42");
        assertEquals(409, conflict.status());
        assertEquals("idempotency-conflict", conflict.problemType());
    }

    @Test
    void tokenize_overPerAddressLimit_returns429WithRetryAfter() {
        int limit =
                Integer.parseInt(
                        System.getenv()
                                .getOrDefault("CARDVAULT_RATELIMIT_TOKENIZE_PER_ADDRESS", "20"));
        Reply last = null;
        for (int i = 0; i <= limit + 1 && (last == null || last.status() != 429); i++) {
            last =
                    api.postJson(
                            "api/v1/tokens",
                            Api.card("4111111111111111", 12, 2030, null),
                            "x-api-key",
                            pk);
        }
        assertEquals(429, last.status());
        assertEquals("rate-limited", last.problemType());
        int retryAfter = Integer.parseInt(last.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60);
    }

    @Test
    void thousandTokens_allDistinctUuidV4() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Reply r =
                    api.postJson(
                            "api/v1/tokens",
                            Api.card("4111111111111111", 12, 2030, null),
                            "x-api-key",
                            sk);
            assertEquals(201, r.status());
            String id = r.json().getString("id");
            assertTrue(UUID_V4.matcher(id).matches());
            ids.add(id);
        }
        assertEquals(1000, ids.size());
    }

    @Test
    void requestId_saneEchoed_insaneReplaced() {
        Reply r =
                api.send(
                        "GET",
                        "api/v1/tokens/" + UUID.randomUUID(),
                        null,
                        "x-api-key",
                        sk,
                        "x-request-id",
                        "abc-123");
        assertEquals("abc-123", r.header("x-request-id"));
        Reply r2 =
                api.send(
                        "GET",
                        "api/v1/tokens/" + UUID.randomUUID(),
                        null,
                        "x-api-key",
                        sk,
                        "x-request-id",
                        "a b<script>");
        assertNotEquals("a b<script>", r2.header("x-request-id"));
        assertTrue(r2.json().getString("instance").contains(r2.header("x-request-id")));
    }

    @Test
    void unknownPathAndMethod_problemJson() {
        Reply r = api.send("GET", "api/v1/nothing-here", null);
        assertEquals(404, r.status());
        assertEquals("application/problem+json", r.header("Content-Type"));
        Reply m =
                api.send(
                        "PUT",
                        "api/v1/tokens",
                        "{}",
                        "Content-Type",
                        "application/json",
                        "x-api-key",
                        sk);
        assertEquals(405, m.status());
        // without a key a body is not even read (issue 10 #6): 401 before any routing
        Reply anonymous =
                api.send("PUT", "api/v1/tokens", "{}", "Content-Type", "application/json");
        assertEquals(401, anonymous.status());
        assertEquals("unauthenticated", anonymous.problemType());
    }

    private void assertFieldError(String body, String field, String code) {
        Reply r = api.postJson("api/v1/tokens", body, "x-api-key", sk);
        assertEquals(422, r.status(), "expected 422 for " + field + "/" + code);
        assertEquals("invalid-card", r.problemType());
        boolean found =
                r.json().getJsonArray("errors").stream()
                        .map(v -> v.asJsonObject())
                        .anyMatch(
                                e ->
                                        e.getString("field").equals(field)
                                                && e.getString("code").equals(code));
        assertTrue(
                found, "expected " + field + "/" + code + " in " + r.json().getJsonArray("errors"));
        assertFalse(
                r.body().contains("4111111111111112"), "problem details must not echo the number");
    }
}
