package io.cardvault.fields.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrowserOriginsTest {

    private static final String PUBLIC_URL = "https://vault.example/";
    private static final List<String> TENANT =
            List.of("https://shop.example", "https://*.brand.example", "http://localhost:3000");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://vault.example",
                "https://VAULT.example:443",
                "https://shop.example",
                "https://eu.brand.example",
                "http://localhost:3000"
            })
    void allowed_ownOrTenantOrigin_true(String origin) {
        assertTrue(BrowserOrigins.allowed(origin, PUBLIC_URL, TENANT));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://evil.example",
                "null",
                "",
                "https://shop.example.evil.example",
                "http://shop.example",
                "https://shop.example:8443",
                "https://a.b.brand.example",
                "https://brand.example",
                "http://localhost:3001",
                "https://user@shop.example"
            })
    void allowed_foreignOrOpaqueOrigin_false(String origin) {
        assertFalse(BrowserOrigins.allowed(origin, PUBLIC_URL, TENANT));
    }
}
