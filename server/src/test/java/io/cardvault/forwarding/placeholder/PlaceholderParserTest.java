package io.cardvault.forwarding.placeholder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholderParserTest {

    @Test
    void parse_textWithoutPlaceholder_isOneLiteral() {
        Template template = PlaceholderParser.parse("a { b } c }}");
        assertEquals(List.of(new Template.Literal("a { b } c }}", 0, 12)), template.parts());
    }

    @Test
    void parse_emptyText_hasNoParts() {
        assertEquals(List.of(), PlaceholderParser.parse("").parts());
    }

    @Test
    void parse_placeholderBetweenLiterals_recordsOffsets() {
        Template template = PlaceholderParser.parse("x={{number}}&y");
        assertEquals(
                List.of(
                        new Template.Literal("x=", 0, 2),
                        new Template.Placeholder(Attribute.NUMBER, List.of(), 2, 12),
                        new Template.Literal("&y", 12, 14)),
                template.parts());
    }

    @Test
    void parse_literalInsideParsedText_sameTextHashAndStringAsACopy() {
        Template.Literal parsed =
                (Template.Literal) PlaceholderParser.parse("x={{number}}&yé").parts().get(2);
        Template.Literal copy = new Template.Literal("&yé", 12, 15);
        assertEquals("&yé", parsed.text());
        assertEquals(copy, parsed);
        assertEquals(copy.hashCode(), parsed.hashCode());
        assertEquals("Literal[text=&yé, start=12, end=15]", parsed.toString());
        assertNotEquals(new Template.Literal("&yx", 12, 15), parsed);
        assertNotEquals(new Template.Literal("&yé", 11, 14), parsed);
    }

    @ParameterizedTest
    @CsvSource({
        "number, NUMBER",
        "expiryMonth, EXPIRY_MONTH",
        "expiryYear, EXPIRY_YEAR",
        "cvc, CVC",
        "holderName, HOLDER_NAME",
        "brand, BRAND"
    })
    void parse_eachAttribute_isRecognised(String name, Attribute expected) {
        Template.Placeholder placeholder = only("{{" + name + "}}");
        assertEquals(expected, placeholder.attribute());
    }

    @Test
    void parse_whitespaceEverywhereAllowed_isAccepted() {
        Template.Placeholder placeholder =
                only("{{ \t expiryMonth\n|\r\n pad(2)  |unwrap | tail(1)\t}}");
        assertEquals(
                List.of(new Filter.Pad(2), new Filter.Unwrap(), new Filter.Tail(1)),
                placeholder.filters());
    }

    @Test
    void parse_argumentAtMaximum_isAccepted() {
        assertEquals(List.of(new Filter.Tail(64)), only("{{holderName|tail(64)}}").filters());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{{ number | tail(5) }}",
                "{{number|tail(12)}}",
                "x {{ number | pad(20) | tail(6) }}",
                "{{ number | tail(2) | tail(8) }}"
            })
    void parse_numberTailOver4_throwsInvalidPlaceholder(String input) {
        PlaceholderException e =
                assertThrows(PlaceholderException.class, () -> PlaceholderParser.parse(input));
        assertTrue(e.getMessage().contains("at most 4"), e.getMessage());
        assertEquals(input.indexOf("{{"), e.position());
    }

    @Test
    void parse_numberTail4OrOtherAttributeTail_isAccepted() {
        assertEquals(List.of(new Filter.Tail(4)), only("{{ number | tail(4) }}").filters());
        assertEquals(List.of(new Filter.Tail(8)), only("{{ expiryYear | tail(8) }}").filters());
    }

    @Test
    void parse_twoAdjacentPlaceholders_areTwoParts() {
        assertEquals(2, PlaceholderParser.parse("{{cvc}}{{brand}}").parts().size());
    }

    @Test
    void parse_loneBracesAroundPlaceholder_stayLiteral() {
        Template template = PlaceholderParser.parse("{x}{{ cvc }}}");
        assertEquals(new Template.Literal("{x}", 0, 3), template.parts().get(0));
        assertEquals(new Template.Literal("}", 12, 13), template.parts().get(2));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(
            delimiter = ';',
            quoteCharacter = '\'',
            value = {
                // input ; expected position ; message fragment
                "{{ numbr }} ; 3 ; unknown attribute",
                "ab{{ Number }} ; 5 ; unknown attribute",
                "{{ number | trim }} ; 12 ; unknown filter",
                "{{}} ; 2 ; attribute",
                "{{   }} ; 5 ; attribute",
                "x{{ number ; 1 ; unterminated",
                "{{ ; 0 ; unterminated",
                "{{ number | ; 0 ; unterminated",
                "{{ number } ; 10 ; '}}'",
                "{{ number } } ; 10 ; '}}'",
                "{{ number {{ cvc }} ; 10 ; nested",
                "{{ {{ number }} }} ; 3 ; nested",
                "{{ number | }} ; 12 ; filter name",
                "{{ number || tail(2) }} ; 11 ; filter name",
                "{{ number tail(2) }} ; 10 ; '}}'",
                "{{ number | tail }} ; 16 ; needs an argument",
                "{{ number | tail() }} ; 17 ; integer",
                "{{ number | tail(0) }} ; 17 ; integer",
                "{{ number | tail(65) }} ; 17 ; integer",
                "{{ number | tail(007) }} ; 17 ; integer",
                "{{ number | tail(-1) }} ; 17 ; integer",
                "{{ number | tail(x) }} ; 17 ; integer",
                "{{ number | tail( 2) }} ; 17 ; integer",
                "{{ number | pad(2 ) }} ; 17 ; ')'",
                "{{ number | pad(2 }} ; 17 ; ')'",
                "{{ number | unwrap(2) }} ; 18 ; '}}'",
                "{{ number | tail(999999999999) }} ; 17 ; integer",
                "{{ number.x }} ; 9 ; '}}'",
                "{{ -number }} ; 3 ; attribute",
                "ok {{ cvc }} then {{ bad }} ; 21 ; unknown attribute",
            })
    void parse_malformed_throwsWithExactOffset(String input, int position, String fragment) {
        PlaceholderException e =
                assertThrows(PlaceholderException.class, () -> PlaceholderParser.parse(input));
        assertEquals(position, e.position(), e.getMessage());
        assertEquals("body", e.where());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void uses_cvcPlaceholderPresent_isTrue() {
        assertTrue(PlaceholderParser.parse("a {{ cvc | tail(3) }}").uses(Attribute.CVC));
    }

    private static Template.Placeholder only(String text) {
        List<Template.Part> parts = PlaceholderParser.parse(text).parts();
        assertEquals(1, parts.size());
        return (Template.Placeholder) parts.get(0);
    }
}
