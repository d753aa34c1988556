package io.cardvault.cards.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LuhnTest {

    private static final String[] VALID = {
        "4111111111111111", "5555555555554444", "378282246310005", "0", "00", "18", "79927398713"
    };
    private static final String[] INVALID = {
        "4111111111111112", "5555555555554445", "378282246310006", "1", "79927398710"
    };

    @Test
    void isValid_knownValidNumbers_true() {
        for (int i = 0; i < VALID.length; i++) {
            assertTrue(Luhn.isValid(VALID[i]), "valid vector #" + i);
        }
    }

    @Test
    void isValid_knownInvalidNumbers_false() {
        for (int i = 0; i < INVALID.length; i++) {
            assertFalse(Luhn.isValid(INVALID[i]), "invalid vector #" + i);
        }
    }

    @Test
    void isValid_singleDigitChanged_false() {
        String pan = "4111111111111111";
        for (int pos = 0; pos < pan.length(); pos++) {
            char[] c = pan.toCharArray();
            c[pos] = (char) ('0' + (c[pos] - '0' + 1) % 10);
            assertFalse(Luhn.isValid(new String(c)), "one digit changed at position " + pos);
        }
    }

    @Test
    void isValid_adjacentDigitsSwapped_false() {
        // Luhn catches a transposition of adjacent, different digits (except 09/90)
        assertFalse(Luhn.isValid("5555555555554444".substring(0, 12) + "4544"));
    }

    @ParameterizedTest(name = "input #{index}")
    @ValueSource(
            strings = {
                "4111 1111 1111 1111",
                "4111-1111-1111-1111",
                "411111111111111a",
                "a",
                " ",
                "４１１１",
                "٤١١١١١١١١١١١١١١١",
                "-0"
            })
    void isValid_nonAsciiDigits_false(String input) {
        assertFalse(Luhn.isValid(input));
    }

    @Test
    void isValid_empty_false() {
        assertFalse(Luhn.isValid(""));
    }

    @Test
    void isValid_characterWhoseDoubledValueLooksValid_false() {
        // ':' is '0' + 10: a naive implementation would treat it as a digit
        assertFalse(Luhn.isValid("4111111111111:1"));
        assertFalse(Luhn.isValid("/"));
    }
}
