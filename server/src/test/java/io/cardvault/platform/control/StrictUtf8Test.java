package io.cardvault.platform.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictUtf8Test {

    @ParameterizedTest
    @ValueSource(strings = {"", "{\"a\":1}", "\u0000\u007f", "é€😀", "ascii then é", "\uFFFD"})
    void decode_validUtf8_roundTrips(String text) {
        assertEquals(text, StrictUtf8.decode(text.getBytes(UTF_8)));
    }

    @Test
    void decode_invalidBytes_throwWithOffsetOfTheFirstBadByte() {
        byte[][] bad = {
            {'a', 'b', (byte) 0xff},
            {'a', (byte) 0xc3},
            {(byte) 0xc0, (byte) 0x80},
            {'x', 'y', (byte) 0xed, (byte) 0xa0, (byte) 0x80},
            {(byte) 0x80}
        };
        int[] offsets = {2, 1, 0, 2, 0};
        for (int k = 0; k < bad.length; k++) {
            byte[] bytes = bad[k];
            StrictUtf8.InvalidUtf8Exception e =
                    assertThrows(
                            StrictUtf8.InvalidUtf8Exception.class, () -> StrictUtf8.decode(bytes));
            assertEquals(offsets[k], e.offset());
        }
    }
}
