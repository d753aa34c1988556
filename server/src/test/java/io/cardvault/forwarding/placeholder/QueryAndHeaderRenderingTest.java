package io.cardvault.forwarding.placeholder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryAndHeaderRenderingTest {

    private final PlaceholderEngine engine = new PlaceholderEngine();

    @Test
    void renderQuery_placeholders_arePercentEncodedRestKept() {
        assertEquals(
                "x=1&n=Jane%20O%27D%26y%3D%2B&last4=1111&raw=%7B+",
                engine.renderQuery(
                        "x=1&n={{ holderName }}&last4={{ number | tail(4) }}&raw=%7B+",
                        TestCard.visa().holder("Jane O'D&y=+")));
    }

    @Test
    void renderQuery_null_isEmpty() {
        assertEquals("", engine.renderQuery(null, TestCard.visa()));
    }

    @Test
    void renderQuery_malformed_throwsWithUrlPosition() {
        PlaceholderException e =
                assertThrows(
                        PlaceholderException.class,
                        () -> engine.renderQuery("a=1&b={{ pan }}", TestCard.visa()));
        assertEquals(9, e.position());
        assertEquals("url", e.where());
    }

    @Test
    void renderHeaderValue_placeholder_injectsPlainText() {
        assertEquals(
                "Card 4111111111111111 exp 07/30",
                engine.renderHeaderValue(
                        "x-card",
                        "Card {{number}} exp {{ expiryMonth | pad(2) }}/{{ expiryYear | tail(2) }}",
                        TestCard.visa()));
    }

    @Test
    void renderHeaderValue_latin1HolderName_isAllowed() {
        assertEquals(
                "Zoë",
                engine.renderHeaderValue("x-n", "{{ holderName }}", TestCard.visa().holder("Zoë")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"a\r\nx-evil: 1", "a\nb", "a\rb", "nul\u0000", "😀", "\u2028", "del\u007f"})
    void renderHeaderValue_unsafeInjectedValue_throwsAtPlaceholder(String name) {
        PlaceholderException e =
                assertThrows(
                        PlaceholderException.class,
                        () ->
                                engine.renderHeaderValue(
                                        "x-holder",
                                        "Name: {{ holderName }}",
                                        TestCard.visa().holder(name)));
        assertEquals(6, e.position());
        assertEquals("header:x-holder", e.where());
        assertEquals(false, e.getMessage().contains(name));
    }

    @Test
    void renderHeaderValue_malformed_throwsWithHeaderWhere() {
        PlaceholderException e =
                assertThrows(
                        PlaceholderException.class,
                        () ->
                                engine.renderHeaderValue(
                                        "Authorization",
                                        "Basic {{ number | pad(99) }}",
                                        TestCard.visa()));
        assertEquals(22, e.position());
        assertEquals("header:Authorization", e.where());
    }

    @Test
    void renderHeaderValue_withoutPlaceholder_isUnchanged() {
        assertEquals(
                "Bearer abc {x}", engine.renderHeaderValue("a", "Bearer abc {x}", TestCard.visa()));
    }
}
