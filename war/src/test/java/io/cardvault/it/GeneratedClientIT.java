package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.client.ApiClient;
import io.cardvault.client.ApiException;
import io.cardvault.client.api.CheckoutSessionsApi;
import io.cardvault.client.api.ForwardingApi;
import io.cardvault.client.api.TenantsOperatorApi;
import io.cardvault.client.api.TokensApi;
import io.cardvault.client.model.CheckoutSession;
import io.cardvault.client.model.CheckoutSessionCreate;
import io.cardvault.client.model.ForwardPreview;
import io.cardvault.client.model.Problem;
import io.cardvault.client.model.TenantSettings;
import io.cardvault.client.model.TenantWithKeys;
import io.cardvault.client.model.Token;
import io.cardvault.client.model.TokenCreate;
import io.cardvault.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Java client that openapi-generator-maven-plugin generated at build time from the API
 * description (the server's {@code META-INF/openapi.yaml}) works against the running server:
 * operator creates a tenant, the tenant tokenizes, forwards to the sandbox PSP, previews a forward
 * and creates a checkout session. And the document that {@code /openapi} serves is the one the
 * client was generated from.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GeneratedClientIT {

    static final Path DOCUMENT = Path.of("../server/src/main/resources/META-INF/openapi.yaml");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    @ArquillianResource URL base;

    Api api;

    @BeforeEach
    void loopbackOnly() {
        api = new Api(base);
    }

    /** A client of the generated code whose requests carry one key header. */
    private ApiClient client(String header, String key) {
        ApiClient c = new ApiClient();
        String root = api.base().toString();
        c.updateBaseUri(root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
        c.setRequestInterceptor(b -> b.header(header, key));
        return c;
    }

    @Test
    void generatedClient_tenantTokenForwardAndCheckoutSession() throws Exception {
        int port = api.base().getPort();
        String sandbox = "http://127.0.0.1:" + port + "/sandbox/psp/v1/payments";

        TenantWithKeys tenant =
                new TenantsOperatorApi(client("x-admin-key", Api.ADMIN_KEY))
                        .createTenant(
                                new TenantSettings()
                                        .name("Generated Client Shop")
                                        .allowedOrigins(List.of("https://shop.example"))
                                        .allowedDestinations(
                                                List.of(
                                                        "http://127.0.0.1:"
                                                                + port
                                                                + "/sandbox/psp/*")));
        assertTrue(tenant.getSecretKey().startsWith("sk_"));
        assertEquals(2, tenant.getKeys().size());
        ApiClient sk = client("x-api-key", tenant.getSecretKey());

        Token token =
                new TokensApi(sk)
                        .createToken(
                                new TokenCreate()
                                        .number("4111111111111111")
                                        .expiryMonth(12)
                                        .expiryYear(2030)
                                        .cvc("123")
                                        .holderName("Jane Doe"),
                                null);
        assertEquals("visa", token.getCard().getBrand());
        assertEquals("1111", token.getCard().getLast4());
        assertTrue(token.getCard().getCvcAvailable());
        assertEquals(token.getId(), new TokensApi(sk).getToken(token.getId()).getId());

        Map<String, Object> payment =
                Map.of(
                        "amount",
                        1999,
                        "currency",
                        "EUR",
                        "card",
                        Map.of(
                                "number", "{{ number }}",
                                "expMonth", "{{ expiryMonth }}",
                                "expYear", "{{ expiryYear }}",
                                "cvc", "{{ cvc }}"));
        ForwardingApi forwarding = new ForwardingApi(sk);
        ForwardPreview preview =
                forwarding.previewForwardPost(sandbox, token.getId(), null, payment);
        assertTrue(preview.getAllowed());
        assertEquals(sandbox, preview.getDestination().getUrl());
        assertEquals(4, preview.getPlaceholders().size());
        assertTrue(preview.getRequest().getBody().contains("411111******1111"));

        Map<String, Object> paid = forwarding.forwardPost(sandbox, token.getId(), null, payment);
        assertEquals("approved", paid.get("status"), "the sandbox PSP approves the test card");
        assertEquals(Map.of("brand", "visa", "last4", "1111"), paid.get("card"));
        assertEquals("POST", forwarding.listAudit(5).getData().get(0).getMethod());

        CheckoutSessionsApi sessions = new CheckoutSessionsApi(sk);
        CheckoutSession session =
                sessions.createCheckoutSession(
                        new CheckoutSessionCreate()
                                .amount(1999L)
                                .currency("EUR")
                                .description("Order 1")
                                .successUrl("https://shop.example/paid")
                                .cancelUrl("https://shop.example/cart"));
        assertTrue(session.getId().startsWith("cs_"));
        assertEquals(CheckoutSession.StatusEnum.OPEN, session.getStatus());
        assertTrue(session.getUrl().endsWith("/pay/" + session.getId()));
        assertEquals(session.getId(), sessions.getCheckoutSession(session.getId()).getId());
        assertNotNull(session.getExpiresAt());
    }

    @Test
    void generatedClient_problemsAreTyped() throws Exception {
        TenantWithKeys tenant =
                new TenantsOperatorApi(client("x-admin-key", Api.ADMIN_KEY))
                        .createTenant(new TenantSettings().name("Problem Shop"));
        ApiClient sk = client("x-api-key", tenant.getSecretKey());
        ApiException e =
                assertThrows(
                        ApiException.class,
                        () ->
                                new TokensApi(sk)
                                        .createToken(
                                                new TokenCreate()
                                                        .number("4111111111111111")
                                                        .expiryMonth(13)
                                                        .expiryYear(2030),
                                                null));
        assertEquals(422, e.getCode());
        assertEquals(
                "application/problem+json",
                e.getResponseHeaders().firstValue("Content-Type").orElse(""));
        Problem problem = sk.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
        assertEquals(Problem.CodeEnum.INVALID_CARD, problem.getCode());
        assertEquals("expiryMonth", problem.getErrors().get(0).getField());
        assertFalse(e.getResponseBody().contains("4111111111111111"));

        ApiException unauthenticated =
                assertThrows(
                        ApiException.class,
                        () ->
                                new TenantsOperatorApi(client("x-admin-key", "wrong"))
                                        .getTenant(tenant.getId()));
        assertEquals(401, unauthenticated.getCode());
    }

    /** The served document is the checked-in one the client was generated from. */
    @Test
    void servedDocument_isTheCheckedInDescription() throws IOException {
        Reply served = api.send("GET", "openapi", null, "Accept", "application/json");
        assertEquals(200, served.status());
        JsonObject live = Json.createReader(new StringReader(served.body())).readObject();
        Map<String, String> liveOperations = new TreeMap<>();
        live.getJsonObject("paths")
                .forEach(
                        (path, item) ->
                                item.asJsonObject()
                                        .forEach(
                                                (method, op) -> {
                                                    if (op.getValueType()
                                                                    == jakarta.json.JsonValue
                                                                            .ValueType.OBJECT
                                                            && op.asJsonObject()
                                                                    .containsKey("operationId")) {
                                                        liveOperations.put(
                                                                method + " " + path,
                                                                op.asJsonObject()
                                                                        .getString("operationId"));
                                                    }
                                                }));
        CheckedIn checkedIn = CheckedIn.read(Files.readAllLines(DOCUMENT, StandardCharsets.UTF_8));
        assertEquals(checkedIn.operations, liveOperations);
        assertEquals(
                checkedIn.schemas,
                new TreeSet<>(live.getJsonObject("components").getJsonObject("schemas").keySet()));
        assertEquals(
                new TreeSet<>(List.of("adminKey", "apiKey")),
                new TreeSet<>(
                        live.getJsonObject("components")
                                .getJsonObject("securitySchemes")
                                .keySet()));
    }

    /** Operations and schema names of the checked-in YAML, read by indentation (2 spaces). */
    record CheckedIn(Map<String, String> operations, TreeSet<String> schemas) {

        static CheckedIn read(List<String> lines) {
            Map<String, String> operations = new TreeMap<>();
            TreeSet<String> schemas = new TreeSet<>();
            String section = "";
            String path = null;
            String method = null;
            for (String line : lines) {
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                int indent = line.length() - line.stripLeading().length();
                String key = line.strip();
                if (indent == 0) {
                    section = key;
                } else if (section.equals("paths:") && indent == 2) {
                    path = key.substring(0, key.length() - 1);
                } else if (section.equals("paths:") && indent == 4) {
                    method = key.substring(0, key.length() - 1);
                } else if (section.equals("paths:")
                        && indent == 6
                        && key.startsWith("operationId:")) {
                    operations.put(method + " " + path, key.substring(12).strip());
                } else if (section.equals("components:") && indent == 2) {
                    path = key;
                } else if (section.equals("components:")
                        && "schemas:".equals(path)
                        && indent == 4) {
                    schemas.add(key.substring(0, key.length() - 1));
                }
            }
            return new CheckedIn(operations, schemas);
        }
    }
}
