package io.cardvault.bench;

// The only file of this module that names cardvault's placeholder engine.
import io.cardvault.forwarding.placeholder.CardAttributes;
import io.cardvault.forwarding.placeholder.PlaceholderEngine;
import java.util.Optional;

/** Thin access to the placeholder engine under benchmark, and a fixed test card. */
final class Engine {

    private final PlaceholderEngine engine = new PlaceholderEngine();

    /** Standard test card (never a real PAN). */
    private static final CardAttributes TEST_CARD =
            new CardAttributes() {
                @Override
                public String number() {
                    return "4111111111111111";
                }

                @Override
                public int expiryMonth() {
                    return 12;
                }

                @Override
                public int expiryYear() {
                    return 2030;
                }

                @Override
                public Optional<String> cvc() {
                    return Optional.of("123");
                }

                @Override
                public Optional<String> holderName() {
                    return Optional.of("Jane Doe");
                }

                @Override
                public String brand() {
                    return "visa";
                }

                @Override
                public String toString() {
                    return "TestCard[visa]";
                }
            };

    /** What {@code POST /api/v1/forward} does to a request body. */
    byte[] renderBody(byte[] body, String contentType) {
        return engine.renderBody(body, contentType, TEST_CARD);
    }

    /** The CVC pre-check the forward path runs on the same body before rendering it. */
    boolean usesCvc(byte[] body, String contentType) {
        return engine.usesCvc(body, contentType);
    }
}
