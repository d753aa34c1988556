package io.cardvault.egress.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationPatternTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://api.psp.example/v1/*", "http://127.0.0.1:9999/*", "https://*.psp.example",
                "https://[::1]:8443", "https://psp.example/v1/payments", "https://psp.example/*",
                "HTTPS://PSP.Example.", "https://bücher.example/v1/*", "https://*.psp.co.uk",
                "https://*.city.kawasaki.jp"
            })
    void parse_validPattern_isAccepted(String pattern) {
        assertDoesNotThrow(() -> DestinationPattern.parse(pattern));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "'' ; empty",
                "api.psp.example ; https://",
                "ftp://api.psp.example ; only http and https",
                "https://*.com ; two labels",
                "https://*.co.uk ; public suffix",
                "https://*.com.au:8443/pay/* ; public suffix",
                "https://*.github.io ; public suffix",
                "https://*.kawasaki.jp ; public suffix",
                "https://*.xn--55qx5d.cn ; public suffix",
                "https://*.*.psp.example ; label",
                "https://api.*.example ; label",
                "https://*.127.0.0.1 ; two labels",
                "https://psp.example/v1/*/x ; end of the path",
                "https://psp.example/v*1 ; end of the path",
                "https://psp.example/v1?x=1 ; '?'",
                "https://psp.example/#x ; '#'",
                "https://user@psp.example ; '@'",
                "https://psp.example/%2e ; '%'",
                "https://psp .example ; whitespace",
                "https://127.1 ; dotted-quad",
                "https://2130706433 ; dotted-quad",
                "https://psp.example:0 ; port",
                "https://psp.example:70000 ; port",
                "https://psp.example/a/../b ; segment",
                "https://psp.example//b ; segment",
                "https://psp.example/a|b ; path",
                "https://psp_x.example ; label",
            })
    void parse_invalidPattern_throwsWithClearMessage(String pattern, String fragment) {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> DestinationPattern.parse(pattern));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void matches_patternWithoutPath_allowsEveryPath() {
        DestinationPattern pattern = DestinationPattern.parse("https://psp.example");
        assertTrue(pattern.matches(NormalizedUrl.parse("https://psp.example/a/b?c")));
        assertTrue(pattern.matches(NormalizedUrl.parse("https://psp.example")));
    }

    @Test
    void matches_patternWithoutPort_requiresDefaultPort() {
        DestinationPattern pattern = DestinationPattern.parse("https://psp.example");
        assertFalse(pattern.matches(NormalizedUrl.parse("https://psp.example:8443/")));
        assertTrue(pattern.matches(NormalizedUrl.parse("https://psp.example:443/")));
    }

    @Test
    void matches_httpsPattern_refusesHttpUrlOnSamePort() {
        DestinationPattern pattern = DestinationPattern.parse("https://psp.example:8080");
        assertFalse(pattern.matches(NormalizedUrl.parse("http://psp.example:8080/")));
    }

    @Test
    void matches_unicodePatternAndPunycodeUrl_areEqual() {
        DestinationPattern pattern = DestinationPattern.parse("https://bücher.example/*");
        assertTrue(pattern.matches(NormalizedUrl.parse("https://xn--bcher-kva.example/x")));
    }

    @Test
    void matches_prefixWithoutSlash_isPlainStringPrefix() {
        DestinationPattern pattern = DestinationPattern.parse("https://psp.example/v1*");
        assertTrue(pattern.matches(NormalizedUrl.parse("https://psp.example/v1beta")));
        assertFalse(pattern.matches(NormalizedUrl.parse("https://psp.example/v2")));
    }

    @Test
    void parse_url_decodesUnreservedEscapesAndUppercasesOthers() {
        assertEquals("/a-b/%C3%A9", NormalizedUrl.parse("https://x.example/%61%2db/%c3%a9").path());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "https://user@x.example/ ; userinfo",
                "https://x.example:443@evil.example/ ; userinfo",
                "https://x.example/a\\b ; backslash",
                "https://x.example/%2e%2e/ ; percent-encoded",
                "https://x.example/a/../b ; dot or empty segment",
                "http://0x7f.1/ ; dotted-quad",
            })
    void parse_url_refusesWithSpecificReason(String url, String reason) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> NormalizedUrl.parse(url));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
