package io.cardvault.forwarding.placeholder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cardvault.forwarding.entity.CvcUnavailableException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterTest {

    /** Evaluates one placeholder against a Visa test card expiring 07/2030, CVC 123. */
    @ParameterizedTest(name = "[{index}] {0} -> {1} number={2} bare={3}")
    @CsvSource(
            delimiter = ';',
            value = {
                "{{ number }} ; 4111111111111111 ; false ; false",
                "{{ number | tail(4) }} ; 1111 ; false ; false",
                "{{ expiryMonth }} ; 7 ; true ; false",
                "{{ expiryMonth | unwrap }} ; 7 ; true ; true",
                "{{ expiryMonth | pad(2) }} ; 07 ; false ; false",
                "{{ expiryMonth | pad(1) }} ; 7 ; false ; false",
                "{{ expiryMonth | unwrap | pad(2) }} ; 07 ; false ; false",
                "{{ expiryMonth | pad(2) | unwrap }} ; 07 ; false ; false",
                "{{ expiryYear | tail(2) }} ; 30 ; false ; false",
                "{{ expiryYear | tail(2) | unwrap }} ; 30 ; false ; false",
                "{{ expiryYear | unwrap }} ; 2030 ; true ; true",
                "{{ expiryYear | pad(6) | tail(5) }} ; 02030 ; false ; false",
                "{{ cvc | unwrap }} ; 123 ; false ; false",
                "{{ cvc | pad(4) }} ; 0123 ; false ; false",
                "{{ brand }} ; visa ; false ; false",
                "{{ holderName | tail(3) }} ; Doe ; false ; false",
            })
    void evaluate_filterChain_givesTypedValue(
            String placeholder, String text, boolean numeric, boolean bare) {
        Template.Placeholder p =
                (Template.Placeholder) PlaceholderParser.parse(placeholder).parts().get(0);
        Value value = p.evaluate(TestCard.visa());
        assertEquals(new Value(text, numeric, bare), value);
    }

    @ParameterizedTest
    @CsvSource({"{{ cvc }}", "{{ cvc | tail(1) }}"})
    void evaluate_cvcMissing_throwsCvcUnavailable(String placeholder) {
        Template.Placeholder p =
                (Template.Placeholder) PlaceholderParser.parse(placeholder).parts().get(0);
        assertThrows(CvcUnavailableException.class, () -> p.evaluate(TestCard.visa().withoutCvc()));
    }

    @ParameterizedTest
    @CsvSource({"4111111111111111", "1111"})
    void toString_ofValue_neverShowsText(String text) {
        assertEquals(false, Value.string(text).toString().contains(text));
    }
}
