package io.cardvault.tenants.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.platform.entity.FieldError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The tenant's web-font stylesheet allowlist: https URLs that are safe inside a CSP header. */
class FontStylesheetSettingsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://fonts.googleapis.com/css2?family=Inter:wght@400%3B600 | https://fonts.googleapis.com/css2?family=Inter:wght@400%3B600",
                "HTTPS://Fonts.Example:443/a/b.css | https://fonts.example/a/b.css",
                "https://fonts.example:8443/x.css?v=2 | https://fonts.example:8443/x.css?v=2",
                "https://fonts.example | https://fonts.example/",
                "http://127.0.0.1:8080/fonts.css | http://127.0.0.1:8080/fonts.css",
                "http://localhost/fonts.css | http://localhost/fonts.css",
            })
    void fontStylesheet_acceptable_normalised(String raw, String expected) {
        assertEquals(expected, TenantSettings.fontStylesheet(raw));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://fonts.example/a.css",
                "ftp://fonts.example/a.css",
                "javascript:alert(1)",
                "data:text/css,body{}",
                "//fonts.example/a.css",
                "https://fonts.example/a.css#x",
                "https://user@fonts.example/a.css",
                "https://*.fonts.example/a.css",
                "https://fonts.example/a b.css",
                "https://fonts.example/a.css'; script-src *",
                "https://fonts.example/a.css;script-src *",
                "https://fonts.googleapis.com/css2?family=Inter:wght@400;600",
                "https://fonts.example/a,b.css",
                "https://fonts.example/\"a.css",
                "https://fonts.example/<a>.css",
                "https://fonts.example/a\\b.css",
                "https://fonts.example/a.css\nx",
                "https:///a.css",
                "https://fonts.example:0/a.css",
            })
    void fontStylesheet_unsafeOrNotHttps_refused(String raw) {
        assertThrows(IllegalArgumentException.class, () -> TenantSettings.fontStylesheet(raw));
    }

    @Test
    void fontStylesheet_tooLong_refused() {
        String raw = "https://fonts.example/" + "a".repeat(480);
        assertThrows(IllegalArgumentException.class, () -> TenantSettings.fontStylesheet(raw));
    }

    @Test
    void fontStylesheets_errorsNameTheIndex_andDuplicatesCollapse() {
        List<FieldError> errors = new ArrayList<>();
        List<String> out =
                TenantSettings.fontStylesheets(
                        List.of(
                                "https://fonts.example/a.css",
                                "https://FONTS.example/a.css",
                                "http://fonts.example/b.css"),
                        errors);
        assertEquals(List.of("https://fonts.example/a.css"), out);
        assertEquals(1, errors.size());
        assertEquals("fontStylesheets[2]", errors.get(0).field());
    }

    @Test
    void fontStylesheets_moreThanTen_refused() {
        List<FieldError> errors = new ArrayList<>();
        TenantSettings.fontStylesheets(
                Collections.nCopies(11, "https://fonts.example/a.css"), errors);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).code().equals("too-many"));
    }
}
