package io.cardvault.cards.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.cards.entity.Brand;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BrandCatalogTest {

    private static final BrandCatalog CATALOG = BrandCatalog.standard();
    private static JsonArray vectors;

    @BeforeAll
    static void readVectors() throws Exception {
        try (InputStream in = BrandCatalogTest.class.getResourceAsStream(BrandCatalog.RESOURCE);
                JsonReader reader = Json.createReader(in)) {
            JsonObject root = reader.readObject();
            vectors = root.getJsonArray("vectors");
        }
    }

    static Stream<Arguments> vectorIndexes() throws Exception {
        readVectors();
        return IntStream.range(0, vectors.size()).mapToObj(Arguments::of);
    }

    @Test
    void vectors_fileLoaded_containsEveryBrand() {
        Set<String> vectorBrands =
                vectors.getValuesAs(JsonObject.class).stream()
                        .map(v -> v.getString("brand"))
                        .collect(Collectors.toSet());
        Set<String> catalogBrands =
                CATALOG.brands().stream().map(Brand::id).collect(Collectors.toSet());
        catalogBrands.add(CATALOG.unknown().id());
        assertEquals(
                catalogBrands,
                vectorBrands,
                "every brand of the catalog should have at least one vector");
    }

    @ParameterizedTest(name = "vector #{0}")
    @MethodSource("vectorIndexes")
    void detect_knownAnswerVector_returnsExpectedBrand(int index) {
        JsonObject v = vectors.getJsonObject(index);
        assertEquals(
                v.getString("brand"),
                CATALOG.detect(v.getString("number")).id(),
                "brand of vector #" + index);
    }

    @ParameterizedTest(name = "vector #{0}")
    @MethodSource("vectorIndexes")
    void luhnIsValid_knownAnswerVector_matchesExpected(int index) {
        JsonObject v = vectors.getJsonObject(index);
        assertEquals(
                v.getBoolean("luhn"),
                Luhn.isValid(v.getString("number")),
                "Luhn result of vector #" + index);
    }

    @ParameterizedTest(name = "vector #{0}")
    @MethodSource("vectorIndexes")
    void acceptsLength_knownAnswerVector_matchesExpected(int index) {
        JsonObject v = vectors.getJsonObject(index);
        String number = v.getString("number");
        assertEquals(
                v.getBoolean("validLength"),
                CATALOG.detect(number).acceptsLength(number.length()),
                "length check of vector #" + index);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({
        "4, visa",
        "41, visa",
        "34, amex",
        "37, amex",
        "2221, mastercard",
        "2720, mastercard",
        "51, mastercard",
        "55, mastercard",
        "6011, discover",
        "644, discover",
        "65, discover",
        "300, diners",
        "36, diners",
        "3528, jcb",
        "3589, jcb",
        "62, unionpay",
        "81, unionpay",
        "50, maestro",
        "6304, maestro",
        "67, maestro",
        "9, unknown",
        "2220, unknown",
        "2721, unknown",
        "3527, unknown",
        "6012, unknown",
    })
    void detect_partialPrefix_returnsBrand(String prefix, String expected) {
        assertEquals(expected, CATALOG.detect(prefix).id());
    }

    @Test
    void detect_emptyInput_returnsUnknown() {
        assertEquals("unknown", CATALOG.detect("").id());
    }

    @Test
    void detect_tooShortForAnyRange_returnsUnknown() {
        // "6" is a prefix of discover/unionpay/maestro ranges but matches none of them completely
        assertEquals("unknown", CATALOG.detect("6").id());
        assertEquals("unknown", CATALOG.detect("2").id());
    }

    @Test
    void detect_overlappingRanges_longestPrefixWins() {
        Brand shortBrand =
                new Brand(
                        "short", "Short", List.of(new Brand.PrefixRange("6", "6")), List.of(16), 3);
        Brand longBrand =
                new Brand(
                        "long",
                        "Long",
                        List.of(new Brand.PrefixRange("6011", "6011")),
                        List.of(16),
                        3);
        Brand unknown = CATALOG.unknown();
        // order of declaration must not matter
        for (List<Brand> order :
                List.of(List.of(shortBrand, longBrand), List.of(longBrand, shortBrand))) {
            BrandCatalog catalog = new BrandCatalog(new ArrayList<>(order), unknown);
            assertEquals("long", catalog.detect("6011000990139424").id());
            assertEquals("short", catalog.detect("6012000000000000").id());
            assertEquals("short", catalog.detect("601").id());
        }
    }

    @Test
    void unknown_standardCatalog_acceptsTwelveToNineteenDigits() {
        Brand unknown = CATALOG.unknown();
        assertNotNull(unknown);
        assertEquals("unknown", unknown.id());
        assertFalse(unknown.acceptsLength(11));
        for (int len = 12; len <= 19; len++) {
            assertTrue(unknown.acceptsLength(len), "length " + len);
        }
        assertFalse(unknown.acceptsLength(20));
    }

    @Test
    void brands_standardCatalog_amexHasFourDigitCvcOthersThree() {
        for (Brand b : CATALOG.brands()) {
            assertEquals(b.id().equals("amex") ? 4 : 3, b.cvcLength(), "cvc length of " + b.id());
        }
    }
}
