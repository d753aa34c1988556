package io.cardvault.fields.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FontSourcesTest {

    @Test
    void noStylesheets_styleSelfOnly_noFontSrc() {
        assertEquals("style-src 'self'", FontSources.styleSrc(List.of()));
        assertEquals("", FontSources.fontSrc(List.of()));
    }

    @Test
    void stylesheets_styleSrcWithoutQuery_fontSrcTheirOrigins() {
        List<String> sheets =
                List.of(
                        "https://fonts.example/css/inter.css?v=3",
                        "https://fonts.example:8443/b.css",
                        "https://fonts.example/css/inter.css?v=4");
        assertEquals(
                "style-src 'self' https://fonts.example/css/inter.css https://fonts.example:8443/b.css",
                FontSources.styleSrc(sheets));
        assertEquals(
                "font-src https://fonts.example https://fonts.example:8443",
                FontSources.fontSrc(sheets));
    }

    @Test
    void googleFonts_fontFilesFromGstatic() {
        List<String> sheets = List.of("https://fonts.googleapis.com/css2?family=Inter");
        assertEquals(
                "style-src 'self' https://fonts.googleapis.com/css2", FontSources.styleSrc(sheets));
        assertEquals(
                "font-src https://fonts.googleapis.com https://fonts.gstatic.com",
                FontSources.fontSrc(sheets));
    }
}
