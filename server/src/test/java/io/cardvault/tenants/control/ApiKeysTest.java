package io.cardvault.tenants.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.tenants.entity.KeyKind;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeysTest {

    private static final String VALID_PK = "pk_0123456789ABCDEFGHIJabcdefghijKL";
    private static final String VALID_SK = "sk_" + "z".repeat(32);

    @Test
    void generate_publishable_hasPkPrefixAndLength35() {
        String key = ApiKeys.generate(KeyKind.PUBLISHABLE);
        assertTrue(key.startsWith("pk_"));
        assertEquals(35, key.length());
        assertTrue(
                key.substring(3).matches("[0-9A-Za-z]{32}"),
                "32 base62 characters after the prefix");
    }

    @Test
    void generate_secret_hasSkPrefixAndLength35() {
        String key = ApiKeys.generate(KeyKind.SECRET);
        assertTrue(key.startsWith("sk_"));
        assertEquals(35, key.length());
        assertTrue(
                key.substring(3).matches("[0-9A-Za-z]{32}"),
                "32 base62 characters after the prefix");
    }

    @Test
    void generate_thousandKeys_allDistinctAndLookLikeKeys() {
        Set<String> keys = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = ApiKeys.generate(i % 2 == 0 ? KeyKind.PUBLISHABLE : KeyKind.SECRET);
            assertTrue(
                    ApiKeys.looksLikeKey(key), "generated key #" + i + " must pass looksLikeKey");
            keys.add(key);
            prefixes.add(ApiKeys.prefixOf(key));
        }
        assertEquals(1000, keys.size());
        // 8 random base62 chars in the prefix (~47 bits): collisions among 1000 are practically
        // impossible
        assertEquals(1000, prefixes.size());
    }

    @Test
    void generate_manyKeys_useWholeAlphabet() {
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            for (char c : ApiKeys.generate(KeyKind.SECRET).substring(3).toCharArray()) {
                seen.add(c);
            }
        }
        // 6400 draws from 62 symbols: every symbol appears unless the generator is biased/broken
        assertEquals(62, seen.size());
    }

    @Test
    void hash_anyKey_is64LowerHexAndNotTheKey() {
        String key = ApiKeys.generate(KeyKind.SECRET);
        String hash = ApiKeys.hash(key);
        assertTrue(hash.matches("[0-9a-f]{64}"), "SHA-256 hex");
        assertFalse(hash.contains(key.substring(3)));
        assertEquals(hash, ApiKeys.hash(key), "deterministic");
        assertNotEquals(hash, ApiKeys.hash(ApiKeys.generate(KeyKind.SECRET)));
    }

    @Test
    void hash_knownInput_isSha256() {
        // SHA-256("abc")
        assertEquals(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                ApiKeys.hash("abc"));
    }

    @Test
    void matches_sameKey_true() {
        String key = ApiKeys.generate(KeyKind.PUBLISHABLE);
        assertTrue(ApiKeys.matches(key, ApiKeys.hash(key)));
    }

    @Test
    void matches_otherKeyOrAlteredHash_false() {
        String key = ApiKeys.generate(KeyKind.PUBLISHABLE);
        String hash = ApiKeys.hash(key);
        assertFalse(ApiKeys.matches(ApiKeys.generate(KeyKind.PUBLISHABLE), hash));
        assertFalse(ApiKeys.matches(key, hash.toUpperCase()));
        assertFalse(ApiKeys.matches(key, hash.substring(0, 63)));
        assertFalse(ApiKeys.matches(key, ""));
        assertFalse(ApiKeys.matches(key.substring(0, 34), hash));
    }

    @Test
    void looksLikeKey_wellFormed_true() {
        assertTrue(ApiKeys.looksLikeKey(VALID_PK));
        assertTrue(ApiKeys.looksLikeKey(VALID_SK));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "pk_",
                "pk_0123456789ABCDEFGHIJabcdefghijK", // 34
                "pk_0123456789ABCDEFGHIJabcdefghijKLM", // 36
                "xk_0123456789ABCDEFGHIJabcdefghijKL", // wrong prefix
                "PK_0123456789ABCDEFGHIJabcdefghijKL", // upper-case prefix
                "pk-0123456789ABCDEFGHIJabcdefghijKL",
                "pk_0123456789ABCDEFGHIJabcdefghij_L", // underscore
                "pk_0123456789ABCDEFGHIJabcdefghij-L",
                "pk_0123456789ABCDEFGHIJabcdefghij L",
                "pk_0123456789ABCDEFGHIJabcdefghijÄL", // non-ASCII letter
                "pk_0123456789ABCDEFGHIJabcdefghij٤L", // Arabic-Indic digit
                "pk_' OR '1'='1' --xxxxxxxxxxxxxxxxx", // SQL-ish, length 35
                "sk_x';DROP TABLE api_keys;--xxxxxxx", // SQL-ish, length 35
                "sk_%00xxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "Bearer pk_0123456789ABCDEFGHIJabcdefg",
            })
    void looksLikeKey_junk_false(String key) {
        assertFalse(ApiKeys.looksLikeKey(key));
    }

    @Test
    void prefixOf_generatedKey_isFirstElevenCharacters() {
        String key = ApiKeys.generate(KeyKind.SECRET);
        String prefix = ApiKeys.prefixOf(key);
        assertEquals(11, prefix.length());
        assertEquals(ApiKeys.PREFIX_LENGTH, prefix.length());
        assertTrue(key.startsWith(prefix));
        assertEquals("pk_01234567", ApiKeys.prefixOf(VALID_PK));
    }

    @Test
    void randomBase62_requestedLength_onlyBase62() {
        String s = ApiKeys.randomBase62(100);
        assertEquals(100, s.length());
        assertTrue(s.matches("[0-9A-Za-z]{100}"));
        assertEquals("", ApiKeys.randomBase62(0));
    }
}
