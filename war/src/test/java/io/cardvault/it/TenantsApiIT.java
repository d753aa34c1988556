package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.it.Api.Reply;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operator API end to end: tenants, settings validation, key rotation and revocation. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantsApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    @ArquillianResource URL base;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    @Test
    void create_validTenant_returns201WithKeysShownOnce() {
        JsonObject t =
                api.createTenant(
                        "Acme Shop",
                        "[\"https://Shop.Acme.example/\", \"http://localhost:3000\"]",
                        "[\"https://api.psp.example/v1/*\", \"http://127.0.0.1:9999/*\"]");
        assertTrue(t.getString("publishableKey").matches("pk_[0-9A-Za-z]{32}"));
        assertTrue(t.getString("secretKey").matches("sk_[0-9A-Za-z]{32}"));
        assertEquals("https://shop.acme.example", t.getJsonArray("allowedOrigins").getString(0));
        assertEquals(2, t.getJsonArray("allowedDestinations").size());
        Reply read =
                api.send(
                        "GET",
                        "api/v1/admin/tenants/" + t.getString("id"),
                        null,
                        "x-admin-key",
                        Api.ADMIN_KEY);
        assertEquals(200, read.status());
        assertFalse(
                read.body().contains(t.getString("secretKey")), "keys are shown only at creation");
        assertFalse(read.body().contains(t.getString("publishableKey")));
        assertEquals(2, read.json().getJsonArray("keys").size());
    }

    @Test
    void create_invalidSettings_returns422WithFieldErrors() {
        Reply r =
                api.postJson(
                        "api/v1/admin/tenants",
                        "{\"name\":\"\",\"allowedOrigins\":[\"javascript:alert(1)\",\"https://a.example;script-src *\",\"http://evil.example\"],"
                                + "\"allowedDestinations\":[\"ftp://x.example/\",\"https://user@x.example/\"]}",
                        "x-admin-key",
                        Api.ADMIN_KEY);
        assertEquals(422, r.status());
        assertEquals("invalid-tenant", r.problemType());
        assertTrue(r.json().getJsonArray("errors").size() >= 6, r.body());
    }

    /** Issue 15: the field page's style-src and font-src follow the registered stylesheets. */
    @Test
    void fontStylesheets_createPatch_fieldPageCspFollowsTheList() {
        Reply r =
                api.postJson(
                        "api/v1/admin/tenants",
                        "{\"name\":\"Fonts "
                                + UUID.randomUUID()
                                + "\",\"allowedOrigins\":[\"https://shop.example\"],"
                                + "\"fontStylesheets\":[\"https://Fonts.Example:443/inter.css?v=2\"]}",
                        "x-admin-key",
                        Api.ADMIN_KEY);
        assertEquals(201, r.status(), r.body());
        JsonObject t = r.json();
        assertEquals(
                "https://fonts.example/inter.css?v=2",
                t.getJsonArray("fontStylesheets").getString(0));
        String csp = fieldPageCsp(t.getString("publishableKey"));
        assertTrue(csp.contains("style-src 'self' https://fonts.example/inter.css;"), csp);
        assertTrue(csp.contains("font-src https://fonts.example;"), csp);
        assertFalse(csp.contains("v=2"), "CSP sources carry no query: " + csp);

        Reply patched =
                api.send(
                        "PATCH",
                        "api/v1/admin/tenants/" + t.getString("id"),
                        "{\"fontStylesheets\":[\"https://fonts.googleapis.com/css2?family=Inter\"]}",
                        "Content-Type",
                        "application/json",
                        "x-admin-key",
                        Api.ADMIN_KEY);
        assertEquals(200, patched.status(), patched.body());
        assertEquals(
                "https://shop.example",
                patched.json().getJsonArray("allowedOrigins").getString(0),
                "other settings kept");
        csp = fieldPageCsp(t.getString("publishableKey"));
        assertTrue(csp.contains("style-src 'self' https://fonts.googleapis.com/css2;"), csp);
        assertTrue(
                csp.contains("font-src https://fonts.googleapis.com https://fonts.gstatic.com;"),
                csp);
        assertFalse(csp.contains("fonts.example"), "the old stylesheet is gone: " + csp);

        Reply cleared =
                api.send(
                        "PATCH",
                        "api/v1/admin/tenants/" + t.getString("id"),
                        "{\"fontStylesheets\":[]}",
                        "Content-Type",
                        "application/json",
                        "x-admin-key",
                        Api.ADMIN_KEY);
        assertEquals(200, cleared.status(), cleared.body());
        csp = fieldPageCsp(t.getString("publishableKey"));
        assertTrue(csp.contains("style-src 'self';"), csp);
        assertFalse(csp.contains("font-src"), "no fonts without a registered stylesheet: " + csp);
    }

    @Test
    void fontStylesheets_unsafeOrPlainHttp_returns422NamingEachEntry() {
        Reply r =
                api.postJson(
                        "api/v1/admin/tenants",
                        "{\"name\":\"Bad fonts\",\"fontStylesheets\":[\"http://fonts.example/a.css\","
                                + "\"https://fonts.example/a.css; script-src *\",\"https://ok.example/a.css\","
                                + "\"javascript:alert(1)\"]}",
                        "x-admin-key",
                        Api.ADMIN_KEY);
        assertEquals(422, r.status(), r.body());
        assertEquals("invalid-tenant", r.problemType());
        String errors = r.json().getJsonArray("errors").toString();
        assertTrue(errors.contains("fontStylesheets[0]"), errors);
        assertTrue(errors.contains("fontStylesheets[1]"), errors);
        assertFalse(errors.contains("fontStylesheets[2]"), errors);
        assertTrue(errors.contains("fontStylesheets[3]"), errors);
    }

    private String fieldPageCsp(String publishableKey) {
        Reply page =
                api.send("GET", "fields/field.html?key=" + publishableKey + "&field=number", null);
        assertEquals(200, page.status());
        return page.header("Content-Security-Policy") + ";";
    }

    @Test
    void admin_wrongOrMissingKey_returns401() {
        Reply missing = api.postJson("api/v1/admin/tenants", "{\"name\":\"x\"}");
        assertEquals(401, missing.status());
        Reply wrong =
                api.postJson("api/v1/admin/tenants", "{\"name\":\"x\"}", "x-admin-key", "nope");
        assertEquals(401, wrong.status());
        assertEquals("unauthenticated", wrong.problemType());
    }

    @Test
    void admin_tenantKeysCannotAdminister() {
        JsonObject t = api.createTenant("Sneaky " + UUID.randomUUID());
        Reply r =
                api.postJson(
                        "api/v1/admin/tenants",
                        "{\"name\":\"x\"}",
                        "x-admin-key",
                        t.getString("secretKey"));
        assertEquals(401, r.status());
    }

    @Test
    void patch_changesSettings_andValidates() {
        String id = api.createTenant("Patch Me").getString("id");
        Reply ok =
                api.send(
                        "PATCH",
                        "api/v1/admin/tenants/" + id,
                        "{\"name\":\"Patched\",\"allowedOrigins\":[\"https://new.example\"]}",
                        "Content-Type",
                        "application/json",
                        "x-admin-key",
                        Api.ADMIN_KEY);
        assertEquals(200, ok.status(), ok.body());
        assertEquals("Patched", ok.json().getString("name"));
        assertEquals("https://new.example", ok.json().getJsonArray("allowedOrigins").getString(0));
        Reply bad =
                api.send(
                        "PATCH",
                        "api/v1/admin/tenants/" + id,
                        "{\"allowedOrigins\":\"https://x.example\"}",
                        "Content-Type",
                        "application/json",
                        "x-admin-key",
                        Api.ADMIN_KEY);
        assertEquals(422, bad.status());
    }

    @Test
    void unknownTenant_returns404() {
        Reply r =
                api.send(
                        "GET",
                        "api/v1/admin/tenants/" + UUID.randomUUID(),
                        null,
                        "x-admin-key",
                        Api.ADMIN_KEY);
        assertEquals(404, r.status());
        assertEquals("tenant-not-found", r.problemType());
    }

    @Test
    void rotateKeys_oldKeysWorkUntilRevoked() {
        JsonObject t = api.createTenant("Rotating " + UUID.randomUUID());
        String id = t.getString("id");
        String oldSk = t.getString("secretKey");
        Reply issued =
                api.send(
                        "POST",
                        "api/v1/admin/tenants/" + id + "/keys",
                        null,
                        "x-admin-key",
                        Api.ADMIN_KEY);
        assertEquals(201, issued.status());
        String newSk = issued.json().getString("secretKey");
        assertNotEquals(oldSk, newSk);
        String tokenId =
                api.postJson(
                                "api/v1/tokens",
                                Api.card("4111111111111111", 12, 2030, null),
                                "x-api-key",
                                oldSk)
                        .json()
                        .getString("id");
        assertEquals(
                200,
                api.send("GET", "api/v1/tokens/" + tokenId, null, "x-api-key", newSk).status());
        Reply revoke =
                api.send(
                        "DELETE",
                        "api/v1/admin/tenants/" + id + "/keys/" + oldSk.substring(0, 11),
                        null,
                        "x-admin-key",
                        Api.ADMIN_KEY);
        assertEquals(204, revoke.status());
        assertEquals(
                401,
                api.send("GET", "api/v1/tokens/" + tokenId, null, "x-api-key", oldSk).status());
        assertEquals(
                200,
                api.send("GET", "api/v1/tokens/" + tokenId, null, "x-api-key", newSk).status());
        Reply again =
                api.send(
                        "DELETE",
                        "api/v1/admin/tenants/" + id + "/keys/" + oldSk.substring(0, 11),
                        null,
                        "x-admin-key",
                        Api.ADMIN_KEY);
        assertEquals(404, again.status());
        assertEquals("key-not-found", again.problemType());
    }

    @Test
    void health_and_openapi_available() {
        assertEquals(200, api.send("GET", "health/ready", null).status());
        assertEquals(200, api.send("GET", "health/live", null).status());
        Reply openapi = api.send("GET", "openapi", null);
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/tokens"), "the OpenAPI document lists the API");
    }

    @Test
    void staticAssets_gzipEtagAndCacheHeaders() throws Exception {
        Reply gz = api.send("GET", "js/cardvault.js", null, "Accept-Encoding", "gzip");
        assertEquals(200, gz.status());
        assertEquals("gzip", gz.header("Content-Encoding"));
        assertEquals("public, max-age=300", gz.header("Cache-Control"));
        String etag = gz.header("ETag");
        assertTrue(etag != null && etag.startsWith("\""), "a strong ETag");
        assertEquals(
                304,
                api.send(
                                "GET",
                                "js/cardvault.js",
                                null,
                                "Accept-Encoding",
                                "gzip",
                                "If-None-Match",
                                etag)
                        .status());
        Reply plain = api.send("GET", "fields/field.js", null);
        assertEquals(200, plain.status());
        assertEquals(null, plain.header("Content-Encoding"), "identity when gzip is not accepted");

        String version =
                jakarta.json.Json.createReader(
                                java.nio.file.Files.newBufferedReader(
                                        java.nio.file.Path.of("../client-js/package.json")))
                        .readObject()
                        .getString("version");
        Reply versioned = api.send("GET", "js/v" + version + "/cardvault.js", null);
        assertEquals(200, versioned.status());
        assertEquals("public, max-age=31536000, immutable", versioned.header("Cache-Control"));
        Reply types = api.send("GET", "js/cardvault.d.ts", null);
        assertEquals(200, types.status());
        assertTrue(types.header("Content-Type").startsWith("application/typescript"));
    }
}
