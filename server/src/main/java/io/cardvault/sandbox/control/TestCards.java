package io.cardvault.sandbox.control;

import io.cardvault.sandbox.entity.DeclineCode;
import java.util.Map;
import java.util.Optional;

/**
 * The magic card numbers that make the sandbox decline, in the spirit of the public test cards of
 * well-known PSPs. All are Luhn-valid Visa numbers; any other valid card is approved.
 */
final class TestCards {

    private static final Map<String, DeclineCode> DECLINES =
            Map.of(
                    "4000000000000002", DeclineCode.CARD_DECLINED,
                    "4000000000009995", DeclineCode.INSUFFICIENT_FUNDS,
                    "4000000000000069", DeclineCode.EXPIRED_CARD,
                    "4000000000000127", DeclineCode.INCORRECT_CVC);

    private TestCards() {}

    static Optional<DeclineCode> declineFor(String digits) {
        return Optional.ofNullable(DECLINES.get(digits));
    }
}
