package io.cardvault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.it.Api.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The key lifecycle API end to end (docs/api.md "Keys"): rotate, progress, destroy, purge. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeysApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    @ArquillianResource URL base;

    @Test
    void rotate_thenDestroyOldKey_tokensStillReadable_deletedOneGone() throws Exception {
        Api api = new Api(base);
        JsonObject t = api.createTenant("Keys IT " + UUID.randomUUID());
        String sk = t.getString("secretKey");
        String before = tokenize(api, sk);
        String doomed = tokenize(api, sk);

        Reply list = api.send("GET", "api/v1/admin/keys", null, "x-admin-key", Api.ADMIN_KEY);
        assertEquals(200, list.status());
        String oldPrimary = primary(list.json());

        Reply rotated =
                api.send("POST", "api/v1/admin/keys/rotate", "", "x-admin-key", Api.ADMIN_KEY);
        assertEquals(202, rotated.status());
        String newPrimary = primary(rotated.json());
        assertTrue(!newPrimary.equals(oldPrimary));
        String after = tokenize(api, sk);

        Reply inUse =
                api.send(
                        "DELETE",
                        "api/v1/admin/keys/" + newPrimary,
                        null,
                        "x-admin-key",
                        Api.ADMIN_KEY);
        assertEquals(409, inUse.status());
        assertEquals("key-in-use", inUse.problemType());

        JsonObject state = waitUntilIdle(api);
        assertEquals(
                state.getJsonObject("reencryption").getInt("total"),
                state.getJsonObject("reencryption").getInt("done"));
        Reply destroyed =
                api.send(
                        "DELETE",
                        "api/v1/admin/keys/" + oldPrimary,
                        null,
                        "x-admin-key",
                        Api.ADMIN_KEY);
        assertEquals(204, destroyed.status());

        assertEquals(
                204, api.send("DELETE", "api/v1/tokens/" + doomed, null, "x-api-key", sk).status());
        Reply purge = api.send("POST", "api/v1/admin/keys/purge", "", "x-admin-key", Api.ADMIN_KEY);
        assertEquals(200, purge.status());
        for (String id : new String[] {before, after}) {
            assertEquals(
                    200, api.send("GET", "api/v1/tokens/" + id, null, "x-api-key", sk).status());
        }
        assertEquals(
                404, api.send("GET", "api/v1/tokens/" + doomed, null, "x-api-key", sk).status());
    }

    private static String tokenize(Api api, String sk) {
        Reply r =
                api.postJson(
                        "api/v1/tokens",
                        Api.card("4111111111111111", 12, 2030, null),
                        "x-api-key",
                        sk);
        assertEquals(201, r.status());
        return r.json().getString("id");
    }

    private static String primary(JsonObject keys) {
        for (JsonValue v : keys.getJsonArray("keys")) {
            JsonObject k = v.asJsonObject();
            if (k.getString("status").equals("primary")) {
                return k.getString("id");
            }
        }
        throw new AssertionError("no primary key");
    }

    private static JsonObject waitUntilIdle(Api api) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            JsonObject s =
                    api.send("GET", "api/v1/admin/keys", null, "x-admin-key", Api.ADMIN_KEY).json();
            if (s.getJsonObject("reencryption").getString("state").equals("idle")) {
                return s;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("re-encryption did not finish");
    }
}
