package io.cardvault.tokens.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenIdTest {

    private static final String V4 = "6f1c2b1e-7a0d-4c4e-9f5e-2b8a8d0e4c11";

    @Test
    void random_manyIds_versionFourVariantOneLowerCase() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String value = TokenId.random().value();
            UUID uuid = UUID.fromString(value);
            assertEquals(4, uuid.version(), "version of id #" + i);
            assertEquals(2, uuid.variant(), "RFC 9562 variant of id #" + i);
            assertEquals(value.toLowerCase(), value, "id #" + i + " lower case");
            assertEquals(36, value.length());
            seen.add(value);
        }
        assertEquals(200, seen.size());
    }

    @Test
    void parse_lowerCaseV4_accepted() {
        assertEquals(Optional.of(new TokenId(V4)), TokenId.parse(V4));
    }

    @Test
    void parse_upperCase_acceptedAndLowerCased() {
        Optional<TokenId> id = TokenId.parse(V4.toUpperCase());
        assertTrue(id.isPresent());
        assertEquals(V4, id.get().value());
        assertEquals(V4, id.get().toString());
    }

    @Test
    void parse_allVariantNibbles_accepted() {
        for (char v : new char[] {'8', '9', 'a', 'b', 'A', 'B'}) {
            String raw = V4.substring(0, 19) + v + V4.substring(20);
            assertTrue(TokenId.parse(raw).isPresent(), "variant nibble " + v);
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "6f1c2b1e-7a0d-1c4e-9f5e-2b8a8d0e4c11", // version 1
                "6f1c2b1e-7a0d-3c4e-9f5e-2b8a8d0e4c11", // version 3
                "6f1c2b1e-7a0d-5c4e-9f5e-2b8a8d0e4c11", // version 5
                "6f1c2b1e-7a0d-7c4e-9f5e-2b8a8d0e4c11", // version 7
                "6f1c2b1e-7a0d-4c4e-1f5e-2b8a8d0e4c11", // NCS variant
                "6f1c2b1e-7a0d-4c4e-cf5e-2b8a8d0e4c11", // Microsoft variant
                "6f1c2b1e-7a0d-4c4e-ff5e-2b8a8d0e4c11",
                "6f1c2b1e-7a0d-4c4e-9f5e-2b8a8d0e4c1", // too short
                "6f1c2b1e-7a0d-4c4e-9f5e-2b8a8d0e4c111", // too long
                "6f1c2b1e7a0d4c4e9f5e2b8a8d0e4c11", // no dashes
                "{6f1c2b1e-7a0d-4c4e-9f5e-2b8a8d0e4c1}",
                "6f1c2b1e-7a0d-4c4e-9f5e-2b8a8d0e4c1g",
                "6f1c2b1e_7a0d_4c4e_9f5e_2b8a8d0e4c11",
                " 6f1c2b1e-7a0d-4c4e-9f5e-2b8a8d0e4c1",
                "6f1c2b1e-7a0d-4c4e-9f5e-2b8a8d0e4c1\n",
                "00000000-0000-0000-0000-000000000000",
                "../../../../etc/passwd/aaaaaaaaaaaaa",
                "6f1c2b1e-7a0d-4c4e-9f5e-2b8a8d0e4c١١", // Arabic-Indic digits
                "tok_6f1c2b1e7a0d4c4e9f5e2b8a8d0e4c1",
            })
    void parse_malformed_empty(String raw) {
        assertEquals(Optional.empty(), TokenId.parse(raw));
    }

    @Test
    void constructor_upperCaseOrJunk_rejected() {
        assertThrows(IllegalArgumentException.class, () -> new TokenId(V4.toUpperCase()));
        assertThrows(IllegalArgumentException.class, () -> new TokenId("x"));
        assertThrows(IllegalArgumentException.class, () -> new TokenId(null));
    }

    @Test
    void equals_sameValue_equal() {
        assertEquals(new TokenId(V4), TokenId.parse(V4.toUpperCase()).orElseThrow());
        assertNotEquals(TokenId.random(), TokenId.random());
    }
}
