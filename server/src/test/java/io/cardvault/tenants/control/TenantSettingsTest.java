package io.cardvault.tenants.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.platform.entity.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantSettingsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://Shop.Example/, https://shop.example",
        "https://shop.example, https://shop.example",
        "HTTPS://SHOP.EXAMPLE, https://shop.example",
        "https://shop.example:443, https://shop.example",
        "https://shop.example:8443, https://shop.example:8443",
        "https://shop.example., https://shop.example",
        "https://*.acme.example, https://*.acme.example",
        "https://*.Acme.Example:8443/, https://*.acme.example:8443",
        "https://bücher.example, https://xn--bcher-kva.example",
        "https://BÜCHER.example, https://xn--bcher-kva.example",
        "http://localhost, http://localhost",
        "http://localhost:80, http://localhost",
        "http://localhost:3000, http://localhost:3000",
        "http://127.0.0.1:8080, http://127.0.0.1:8080",
        "http://[::1]:8080, http://[::1]:8080",
        "http://[::1], http://[::1]",
    })
    void origin_acceptableInput_normalised(String raw, String expected) {
        assertEquals(expected, TenantSettings.origin(raw));
    }

    @ParameterizedTest(name = "rejected #{index}: {0}")
    @ValueSource(
            strings = {
                "",
                " ",
                "javascript:alert(1)",
                "data:text/html,x",
                "ftp://a.example",
                "//a.example",
                "a.example",
                "https://",
                "https://a.example/path",
                "https://a.example//",
                "https://a.example?q=1",
                "https://a.example#f",
                "https://a.example;script-src",
                "https://a.example; script-src *",
                "https://a.example,https://b.example",
                "http://evil.example",
                "http://localhost.evil.example",
                "http://*.localhost",
                "https://user@a.example",
                "https://user:pw@a.example",
                "https://a.example'",
                "https://\"a.example\"",
                "'self'",
                "https://a .example",
                " https://a.example",
                "https://a.example\t",
                "https://a.example\n",
                "https://a.example:0",
                "https://a.example:65536",
                "https://a.example:abc",
                "https://a.*.example",
                "https://*",
                "https://a..example",
                "https://-a.example",
                "https://a_b.example",
                "https://[2001:db8::1]",
                "*",
            })
    void origin_unacceptableInput_rejected(String raw) {
        assertThrows(IllegalArgumentException.class, () -> TenantSettings.origin(raw));
    }

    @Test
    void origin_null_rejected() {
        assertThrows(IllegalArgumentException.class, () -> TenantSettings.origin(null));
    }

    @Test
    void origin_tooLong_rejected() {
        String raw = "https://" + "a".repeat(60) + ("." + "b".repeat(60)).repeat(4) + ".example";
        assertTrue(raw.length() > 253 + 8);
        assertThrows(IllegalArgumentException.class, () -> TenantSettings.origin(raw));
    }

    @Test
    void origins_listWithDuplicatesAndErrors_normalisedDedupedAndIndexedErrors() {
        List<FieldError> errors = new ArrayList<>();
        List<String> out =
                TenantSettings.origins(
                        Arrays.asList(
                                "https://Shop.Example/",
                                "https://shop.example:443",
                                "http://evil.example",
                                "https://b.example"),
                        errors);
        assertEquals(List.of("https://shop.example", "https://b.example"), out);
        assertEquals(1, errors.size());
        assertEquals("allowedOrigins[2]", errors.get(0).field());
        assertEquals("invalid", errors.get(0).code());
    }

    @Test
    void origins_moreThanFifty_tooMany() {
        List<FieldError> errors = new ArrayList<>();
        List<String> out =
                TenantSettings.origins(Collections.nCopies(51, "https://a.example"), errors);
        assertTrue(out.isEmpty());
        assertEquals(1, errors.size());
        assertEquals("too-many", errors.get(0).code());
    }

    @Test
    void origins_errorMessage_doesNotEchoInput() {
        List<FieldError> errors = new ArrayList<>();
        TenantSettings.origins(List.of("https://a.example;<script>"), errors);
        assertEquals(1, errors.size());
        assertFalse(errors.get(0).message().contains("<script>"));
    }

    @Test
    void name_valid_trimmed() {
        List<FieldError> errors = new ArrayList<>();
        assertEquals("Acme Shop", TenantSettings.name("  Acme Shop \n", errors));
        assertTrue(errors.isEmpty());
    }

    @Test
    void name_missingBlankOrNotString_required() {
        for (Object raw : new Object[] {null, "", "   ", 42}) {
            List<FieldError> errors = new ArrayList<>();
            assertNull(TenantSettings.name(raw, errors));
            assertEquals("required", errors.get(0).code());
        }
    }

    @Test
    void name_controlCharacterOrTooLong_invalid() {
        for (String raw : new String[] {"Acme\u0000Shop", "Acme\u0007", "a".repeat(201)}) {
            List<FieldError> errors = new ArrayList<>();
            assertNull(TenantSettings.name(raw, errors));
            assertEquals("invalid", errors.get(0).code());
        }
        assertEquals(200, TenantSettings.name("a".repeat(200), new ArrayList<>()).length());
    }

    @Test
    void destinations_checkRejects_errorWithReason() {
        List<FieldError> errors = new ArrayList<>();
        List<String> out =
                TenantSettings.destinations(
                        List.of("https://ok.example", "http://bad.example"),
                        errors,
                        p -> p.startsWith("https://") ? null : "must be https");
        assertEquals(List.of("https://ok.example"), out);
        assertEquals(1, errors.size());
        assertEquals("allowedDestinations[1]", errors.get(0).field());
        assertEquals("must be https", errors.get(0).message());
    }
}
