package io.cardvault.forwarding.placeholder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceholderLocationsTest {

    private static List<String> body(String text, String contentType) {
        return PlaceholderLocations.inBody(text.getBytes(StandardCharsets.UTF_8), contentType)
                .stream()
                .map(l -> l.expression() + " @ " + l.location())
                .toList();
    }

    @Test
    void inBody_json_givesJsonPointers() {
        String json =
                "{\"card\":{\"number\":\"{{ number }}\",\"cvc\":\"{{cvc}}\"},"
                        + "\"list\":[1,{\"a/b~\":\"x {{ expiryMonth | pad(2) }}\"}],"
                        + "\"year\":{{ expiryYear | unwrap }}}";
        assertEquals(
                List.of(
                        "{{ number }} @ body:/card/number",
                        "{{cvc}} @ body:/card/cvc",
                        "{{ expiryMonth | pad(2) }} @ body:/list/1/a~1b~0",
                        "{{ expiryYear | unwrap }} @ body:/year"),
                body(json, "application/json"));
    }

    @Test
    void inBody_jsonArrayOfValues_countsIndexes() {
        assertEquals(
                List.of("{{ cvc }} @ body:/2"),
                body("[\"a\", \"b\\\"\", \"{{ cvc }}\"]", "application/vnd.psp+json"));
    }

    @Test
    void inBody_jsonThatDoesNotScan_isText() {
        assertEquals(
                List.of("{{ number }} @ text:9"),
                body("{\"n\": x, {{ number }}", "application/json"));
    }

    @Test
    void inBody_form_givesDecodedFieldNames() {
        assertEquals(
                List.of("{{ number }} @ form:card[number]", "{{cvc}} @ form:cvc"),
                body(
                        "amount=10&card%5Bnumber%5D={{ number }}&cvc={{cvc}}",
                        "application/x-www-form-urlencoded"));
    }

    @Test
    void inBody_xmlAndText_giveOffsets() {
        assertEquals(
                List.of("{{ number }} @ text:8"),
                body("<p><pan>{{ number }}</pan></p>", "text/xml"));
        assertEquals(List.of("{{cvc}} @ text:4"), body("cvc={{cvc}}", "text/plain"));
    }

    @Test
    void inBody_opaqueContentType_listsNothing() {
        assertEquals(List.of(), body("{{ number }}", "application/octet-stream"));
        assertEquals(List.of(), body("{{ number }}", null));
    }

    @Test
    void inQueryAndHeader_nameTheParameterAndHeader() {
        assertEquals(
                List.of(new PlaceholderLocation("{{ number | tail(4) }}", "query:last4")),
                PlaceholderLocations.inQuery("a=1&last4={{ number | tail(4) }}"));
        assertEquals(
                List.of(new PlaceholderLocation("{{ cvc }}", "header:x-card-cvc")),
                PlaceholderLocations.inHeader("x-card-cvc", "v={{ cvc }}"));
        assertEquals(List.of(), PlaceholderLocations.inQuery(null));
    }
}
