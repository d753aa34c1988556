package io.cardvault.forwarding.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseRedactorTest {

    private static final String VISA = "4111111111111111";
    private final ResponseRedactor redactor = new ResponseRedactor();

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "{\"pan\":\"4111111111111111\"} ; {\"pan\":\"411111******1111\"}",
                "card 4111 1111 1111 1111 ok ; card 4111 11** **** 1111 ok",
                "card 4111-1111-1111-1111 ok ; card 4111-11**-****-1111 ok",
                "4-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1 ; 4-1-1-1-1-1-*-*-*-*-*-*-1-1-1-1",
                "41111 111111 11111 ; 41111 1***** *1111",
                "4111  1111 - 1111 1111 ; 4111  11** - **** 1111",
                "a=4111111111111111&b=4111111111111111 ; a=411111******1111&b=411111******1111",
                "x41111111111111119 ; x411111******11119",
            })
    void redact_panOccurrence_isMaskedInPlace(String body, String expected) {
        assertEquals(expected, new String(redactor.redact(body.getBytes(UTF_8), VISA), UTF_8));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "4111    1111 1111 1111 ; 4111    11** **** 1111",
                "4111_1111_1111_1111 ; 4111_11**_****_1111",
                "4111.1111.1111.1111 ; 4111.11**.****.1111",
                "4111/1111/1111/1111 ; 4111/11**/****/1111",
                "4111%201111%201111%201111 ; 4111%2011**%20****%201111",
                "4111+1111+1111+1111 ; 4111+11**+****+1111",
                "411111111111111 ; 411111******111",
                "4111 1111 1111 111 ; 4111 11** **** 111",
                "41111111111 ; 411111*****",
                "pan 4111111 ; pan 411111*",
            })
    void redact_otherSeparatorsAndPartialRuns_areMasked(String body, String expected) {
        assertEquals(expected, new String(redactor.redact(body.getBytes(UTF_8), VISA), UTF_8));
    }

    @Test
    void redact_tabNewlineNbspAndFullwidth_areMasked() {
        String[][] cases = {
            {"4111\t1111\n1111\r\n1111", "4111\t11**\n****\r\n1111"},
            {"4111\u00a01111\u00a01111\u00a01111", "4111\u00a011**\u00a0****\u00a01111"},
            {"４１１１１１１１１１１１１１１１", "４１１１１１＊＊＊＊＊＊１１１１"},
            {"４１１１ １１１１ 1111 1111", "４１１１ １１＊＊ **** 1111"},
            {"4111%C2%A01111%c2%a01111 1111", "4111%C2%A011**%c2%a0**** 1111"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], new String(redactor.redact(c[0].getBytes(UTF_8), VISA), UTF_8));
        }
        byte[] latin1 = "4111\u00a01111\u00a01111\u00a01111".getBytes(ISO_8859_1);
        assertEquals(
                "4111\u00a011**\u00a0****\u00a01111",
                new String(redactor.redact(latin1, VISA), ISO_8859_1));
    }

    @Test
    void redact_cvcAsWholeNumber_isMaskedButNotInsideLongerNumbers() {
        String body =
                "{\"cvc\":\"737\",\"cvv\":737,\"amount\":7370,\"id\":\"a737b\",\"w\":\"７３７\"}";
        assertEquals(
                "{\"cvc\":\"***\",\"cvv\":***,\"amount\":7370,\"id\":\"a***b\",\"w\":\"＊＊＊\"}",
                new String(
                        ResponseRedactor.redact(body.getBytes(UTF_8), VISA, Optional.of("737")),
                        UTF_8));
    }

    @Test
    void redactText_headerNameAndValue_masked() {
        assertEquals(
                "x 4111 11** **** 1111 ***",
                ResponseRedactor.redactText("x 4111 1111 1111 1111 123", VISA, Optional.of("123")));
        // fullwidth digits as a Latin-1-decoded header (the raw UTF-8 bytes) and as real chars
        String raw = new String("４１１１１１１１１１１１１１１１".getBytes(UTF_8), ISO_8859_1);
        assertEquals(
                "４１１１１１＊＊＊＊＊＊１１１１",
                new String(
                        ResponseRedactor.redactText(raw, VISA, Optional.empty())
                                .getBytes(ISO_8859_1),
                        UTF_8));
        assertEquals(
                "４１１１１１＊＊＊＊＊＊１１１１",
                ResponseRedactor.redactText("４１１１１１１１１１１１１１１１", VISA, Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "5555555555554444",
                "378282246310005",
                "411111******1111",
                "bin 411111 last 1111",
                "amount 1234 date 2030-07-01"
            })
    void redact_otherOrIncompleteNumber_returnsSameArray(String body) {
        byte[] bytes = body.getBytes(UTF_8);
        assertSame(bytes, redactor.redact(bytes, VISA));
    }

    @Test
    void redact_amexPan_masksFifteenDigits() {
        assertEquals(
                "pan=378282*****0005",
                new String(
                        redactor.redact("pan=378282246310005".getBytes(UTF_8), "378282246310005"),
                        UTF_8));
    }

    @Test
    void redact_nonAsciiAndBinaryAround_keepsOtherBytes() {
        byte[] body = {
            (byte) 0xff,
            (byte) 0xc3,
            (byte) 0xa9,
            '5',
            '5',
            '5',
            '5',
            '5',
            '5',
            '5',
            '5',
            '5',
            '5',
            '5',
            '5',
            '4',
            '4',
            '4',
            '4',
            0
        };
        byte[] expected = {
            (byte) 0xff,
            (byte) 0xc3,
            (byte) 0xa9,
            '5',
            '5',
            '5',
            '5',
            '5',
            '5',
            '*',
            '*',
            '*',
            '*',
            '*',
            '*',
            '4',
            '4',
            '4',
            '4',
            0
        };
        assertArrayEquals(expected, redactor.redact(body, "5555555555554444"));
        assertEquals('5', body[9]); // the input is not modified
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1234", "41111111111111111111", "4111-1111-1111-1111"})
    void redact_invalidPan_throws(String pan) {
        assertThrows(IllegalArgumentException.class, () -> redactor.redact(new byte[0], pan));
    }
}
