package io.cardvault.forwarding.placeholder;

import java.util.Optional;

/** A card with standard test PAN data; holder name and CVC chosen per test. */
record TestCard(
        String number,
        int expiryMonth,
        int expiryYear,
        Optional<String> cvc,
        Optional<String> holderName,
        String brand)
        implements CardAttributes {

    static TestCard visa() {
        return new TestCard(
                "4111111111111111", 7, 2030, Optional.of("123"), Optional.of("Jane Doe"), "visa");
    }

    TestCard holder(String name) {
        return new TestCard(number, expiryMonth, expiryYear, cvc, Optional.of(name), brand);
    }

    TestCard month(int month) {
        return new TestCard(number, month, expiryYear, cvc, holderName, brand);
    }

    TestCard withoutCvc() {
        return new TestCard(number, expiryMonth, expiryYear, Optional.empty(), holderName, brand);
    }
}
