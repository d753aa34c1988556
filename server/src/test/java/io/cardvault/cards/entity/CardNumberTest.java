package io.cardvault.cards.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CardNumberTest {

    private static final String VISA = "4111111111111111";
    private static final String MASTERCARD = "5555555555554444";
    private static final String AMEX = "378282246310005";

    @Test
    void toString_visa_isMasked() {
        assertEquals("CardNumber[411111******1111]", CardNumber.of(VISA).toString());
    }

    @Test
    void toString_anyTestCard_neverContainsFullDigits() {
        List<String> pans = List.of(VISA, MASTERCARD, AMEX);
        for (int i = 0; i < pans.size(); i++) {
            String s = CardNumber.of(pans.get(i)).toString();
            assertFalse(
                    s.contains(pans.get(i)),
                    "toString of card #" + i + " must not contain the PAN");
            assertFalse(
                    s.replaceAll("\\D", "").length() > 10,
                    "toString of card #" + i + " shows at most 10 digits");
        }
    }

    @Test
    void masked_fifteenDigitAmex_firstSixLastFour() {
        assertEquals("378282*****0005", CardNumber.of(AMEX).masked());
    }

    @Test
    void binAndLast4_mastercard_returnParts() {
        CardNumber n = CardNumber.of(MASTERCARD);
        assertEquals("555555", n.bin());
        assertEquals("4444", n.last4());
        assertEquals(16, n.length());
    }

    @Test
    void revealDigits_visa_returnsDigits() {
        assertTrue(
                VISA.equals(CardNumber.of(VISA).revealDigits()),
                "revealDigits must return the digits");
    }

    @Test
    void equals_sameDigits_equalAndSameHash() {
        CardNumber a = CardNumber.of(VISA);
        CardNumber b = CardNumber.of(new String(VISA.toCharArray()));
        assertTrue(a.equals(b));
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void equals_differentDigits_notEqual() {
        assertFalse(CardNumber.of(VISA).equals(CardNumber.of(MASTERCARD)));
        // one a prefix of the other
        assertFalse(CardNumber.of("411111111111").equals(CardNumber.of("4111111111111")));
        assertFalse(CardNumber.of("4111111111111").equals(CardNumber.of("411111111111")));
    }

    @Test
    void equals_otherType_false() {
        assertNotEquals(CardNumber.of(VISA), (Object) VISA);
        assertFalse(CardNumber.of(VISA).equals(null));
    }

    @Test
    void of_nonDigits_rejectedWithoutValueInMessage() {
        assertRejectedQuietly("4111 1111 1111 1111");
        assertRejectedQuietly("4111-1111-1111-1111");
        assertRejectedQuietly("411111111111111a");
    }

    @Test
    void of_unicodeDigits_rejectedWithoutValueInMessage() {
        assertRejectedQuietly("٤١١١١١١١١١١١١١١١"); // Arabic-Indic
        assertRejectedQuietly("４１１１１１１１１１１１１１１１"); // full-width
        assertRejectedQuietly("४१११११११११११११११"); // Devanagari
    }

    @Test
    void of_wrongLength_rejectedWithoutValueInMessage() {
        assertRejectedQuietly("41111111111"); // 11
        assertRejectedQuietly("41111111111111111111"); // 20
        assertRejectedQuietly("");
    }

    @Test
    void of_boundaryLengths_accepted() {
        assertEquals(12, CardNumber.of("411111111111").length());
        assertEquals(19, CardNumber.of("4111111111111111111").length());
    }

    @Test
    void of_null_rejected() {
        assertThrows(IllegalArgumentException.class, () -> CardNumber.of(null));
    }

    private static void assertRejectedQuietly(String input) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CardNumber.of(input));
        String message = String.valueOf(e.getMessage());
        assertFalse(
                !input.isEmpty() && message.contains(input),
                "exception message must not contain the input");
        String digitsOnly = input.replaceAll("\\D", "");
        assertFalse(
                digitsOnly.length() >= 6 && message.contains(digitsOnly),
                "exception message must not contain the digits");
    }
}
