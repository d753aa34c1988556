package io.cardvault.forwarding.placeholder;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.platform.control.JsonFactories;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hand-written {@link JsonValidity} accepts and refuses exactly what the streaming JSON-P
 * (Parsson) check it replaced did, on a JSONTestSuite-style corpus and on seeded random mutations
 * of valid documents.
 */
class JsonValidityEquivalenceTest {

    /** The check before issue 12 target 5, kept verbatim as the reference. */
    static boolean parssonAccepts(String json) {
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        try (JsonParser parser = JsonFactories.parser(new StringReader(text))) {
            if (!parser.hasNext()) {
                return false;
            }
            while (parser.hasNext()) {
                parser.next();
            }
            return true;
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            return false;
        } catch (RuntimeException e) {
            // nesting past Parsson's maxDepth: a bare RuntimeException the old check let through
            // (a 500); refused all the same
            return false;
        }
    }

    static final List<String> VALID =
            List.of(
                    "{}",
                    "[]",
                    " \t\r\n{ } \n",
                    "0",
                    "-0",
                    "-0.0e-0",
                    "1",
                    "123",
                    "1.5",
                    "1e5",
                    "1E+5",
                    "1e-5",
                    "-12.34E+56",
                    "123456789012345678901234567890123456789012345678901234567890",
                    "1" + "0".repeat(2000),
                    "1e999999999999",
                    "\"\"",
                    "\"a\"",
                    "true",
                    "false",
                    "null",
                    "\uFEFF{}",
                    "\uFEFF 1",
                    "[1,2,3]",
                    "[1, \"a\", true, false, null, {}, [], -0.5e3]",
                    "{\"a\":1}",
                    "{\"a\" : 1 , \"b\" : [ ] }",
                    "{\"a\":1,\"a\":2}",
                    "{\"\":\"\"}",
                    "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"",
                    "\"\\u0000\\u001f\\uABCD\\uabcd\\u12Ef\"",
                    "\"\\uD800\"",
                    "\"\\uDC00\\uD800\"",
                    "\"\\uD834\\uDD1E\"",
                    "\"\u007f\"",
                    "\"\u00e9\u20ac\ud834\udd1e\"",
                    "\"\u2028\u2029\"",
                    "\"\ud800\"",
                    "\"\udc00x\"",
                    "\"\uFEFF\"",
                    "{\"a\":{\"b\":{\"c\":[[[{}]]]}}}",
                    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"x\"]]]]]]]]]]"
                            + "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
                    "[".repeat(999) + "]".repeat(999),
                    "{\"a\":".repeat(998) + "[]" + "}".repeat(998),
                    "[".repeat(500)
                            + "{\"k\":".repeat(499)
                            + "1"
                            + "}".repeat(499)
                            + "]".repeat(500));

    static final List<String> INVALID =
            List.of(
                    "",
                    " ",
                    "\uFEFF",
                    "\uFEFF\uFEFF{}",
                    " \uFEFF{}",
                    "{}\uFEFF",
                    "[".repeat(1000) + "]".repeat(1000),
                    "{\"a\":".repeat(1000) + "1" + "}".repeat(1000),
                    "[".repeat(3000),
                    "{",
                    "}",
                    "[",
                    "]",
                    "[}",
                    "{]",
                    "[1}",
                    "{\"a\":1]",
                    "[1,]",
                    "[,1]",
                    "[,]",
                    "[1,,2]",
                    "{\"a\":1,}",
                    "{,\"a\":1}",
                    "{\"a\"}",
                    "{\"a\":}",
                    "{\"a\" 1}",
                    "{\"a\"::1}",
                    "{a:1}",
                    "{'a':1}",
                    "{1:1}",
                    "{null:1}",
                    "{\"a\":1 \"b\":2}",
                    "[1 2]",
                    "[\"a\" \"b\"]",
                    "{} {}",
                    "[] []",
                    "1 2",
                    "{}x",
                    "[]]",
                    "{}}",
                    "01",
                    "-01",
                    "00",
                    "1.",
                    ".1",
                    "-.1",
                    "+1",
                    "-",
                    "--1",
                    "1e",
                    "1e+",
                    "1E-",
                    "1.e5",
                    "1.5e",
                    "0x10",
                    "1_000",
                    "NaN",
                    "-NaN",
                    "Infinity",
                    "-Infinity",
                    "[NaN]",
                    "1true",
                    "truefalse",
                    "tru",
                    "True",
                    "TRUE",
                    "nul",
                    "nulll",
                    "fals",
                    "undefined",
                    "\"",
                    "\"abc",
                    "[\"abc]",
                    "\"\\\"",
                    "\"\\",
                    "\"\\x\"",
                    "\"\\a\"",
                    "\"\\'\"",
                    "\"\\0\"",
                    "\"\\U0041\"",
                    "\"\\u\"",
                    "\"\\u12\"",
                    "\"\\u123\"",
                    "\"\\u12G4\"",
                    "\"\\u-123\"",
                    "\"\\u\uff10\uff10\uff10\uff10\"",
                    "\"\\u\u0660\u0660\u0660\u0660\"",
                    "\"a\nb\"",
                    "\"a\tb\"",
                    "\"a\rb\"",
                    "\"\u0000\"",
                    "\"\u001f\"",
                    "'a'",
                    "/* c */ {}",
                    "{} // c",
                    "{/**/}",
                    "# c\n{}",
                    "{\"a\":1}\u0000",
                    "\u0000",
                    "\u00a0{}",
                    "\u2028{}",
                    "{}\u3000",
                    "\f{}",
                    "\u000b{}",
                    "[\u00e9]",
                    "\ud800",
                    "[1e1.5]",
                    "[0.5.5]",
                    "{\"a\":1,\"b\"}",
                    "{\"a\":[1,{\"b\":2]}",
                    "[{\"a\":1}}",
                    "[{]");

    @Test
    void corpus_referenceAgrees() {
        for (String doc : VALID) {
            assertTrue(parssonAccepts(doc), () -> "reference refuses " + shown(doc));
        }
        for (String doc : INVALID) {
            assertFalse(parssonAccepts(doc), () -> "reference accepts " + shown(doc));
        }
    }

    @Test
    void isValid_corpus_sameDecisionAsParsson() {
        for (String doc : VALID) {
            assertTrue(JsonValidity.isValid(doc.getBytes(UTF_8)), () -> "refuses " + shown(doc));
        }
        for (String doc : INVALID) {
            assertFalse(JsonValidity.isValid(doc.getBytes(UTF_8)), () -> "accepts " + shown(doc));
        }
    }

    @Test
    void isValid_seededMutations_sameDecisionAsParsson() {
        SplittableRandom random = new SplittableRandom(0x5EED_C0DEL);
        List<String> seeds = new ArrayList<>(VALID.subList(0, VALID.size() - 3));
        seeds.add(
                "{\"amount\":1999,\"currency\":\"EUR\",\"card\":{\"number\":\"4111111111111111\","
                        + "\"expMonth\":12,\"expYear\":2030,\"cvc\":\"123\"},\"ok\":true,"
                        + "\"none\":null,\"lines\":[{\"sku\":\"SKU-1\",\"qty\":1,\"price\":4.99e2}],"
                        + "\"note\":\"a\\\"b\\\\c\\u00e9\\n\u00e9\"}");
        int accepted = 0;
        int runs = 20_000;
        for (int run = 0; run < runs; run++) {
            String doc = mutate(seeds.get(random.nextInt(seeds.size())), random);
            boolean expected = parssonAccepts(doc);
            assertEquals(
                    expected,
                    JsonValidity.isValid(doc.getBytes(UTF_8)),
                    () -> "disagrees with Parsson on " + shown(doc));
            accepted += expected ? 1 : 0;
        }
        // the mutations must exercise both answers, or the comparison proves little
        assertTrue(accepted > runs / 20 && accepted < runs - runs / 20, "accepted " + accepted);
    }

    private static final String ALPHABET =
            "{}[],:\"\\/ \t\r\n0123456789-+.eEtrufalsn\u0000\u001f\u00e9x";
    private static final String[] SNIPPETS = {
        "true", "false", "null", "\\u00", "\\uD800", "\"\"", "{}", "[]", ",", ":", "\"k\":", "1e",
        "-0", "\uFEFF", "/*", "NaN", "\ud800"
    };

    private static String mutate(String seed, SplittableRandom random) {
        StringBuilder s = new StringBuilder(seed);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = s.length() == 0 ? 0 : random.nextInt(s.length() + 1);
            switch (random.nextInt(6)) {
                case 0 -> s.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 1 -> {
                    if (at < s.length()) {
                        s.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (at < s.length()) {
                        s.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    }
                }
                case 3 -> s.insert(at, SNIPPETS[random.nextInt(SNIPPETS.length)]);
                case 4 -> {
                    if (s.length() > 0) {
                        int from = random.nextInt(s.length());
                        int to = Math.min(s.length(), from + 1 + random.nextInt(8));
                        s.insert(at, s.substring(from, to));
                    }
                }
                default -> {
                    // valid documents as seeds for the next edits: wrap or truncate
                    if (random.nextBoolean()) {
                        s.insert(0, "[").append(']');
                    } else if (random.nextBoolean()) {
                        s.insert(0, "{\"w\":").append('}');
                    } else {
                        s.setLength(at);
                    }
                }
            }
        }
        return s.toString();
    }

    private static String shown(String doc) {
        String head = doc.length() > 120 ? doc.substring(0, 120) + "..." : doc;
        StringBuilder out = new StringBuilder();
        head.chars()
                .forEach(
                        c ->
                                out.append(
                                        c < 0x20 || c > 0x7e
                                                ? String.format("\\u%04x", c)
                                                : String.valueOf((char) c)));
        return out + " (" + doc.length() + " chars)";
    }
}
