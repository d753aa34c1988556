package io.cardvault.bench;

// The only file of this module that names cardvault's placeholder engine.
import io.cardvault.forwarding.placeholder.Attribute;
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

    /**
     * What the forward endpoint does with a body: parse it once, ask whether it reads the CVC,
     * render it.
     */
    byte[] forwardPath(byte[] body, String contentType) {
        PlaceholderEngine.Body parsed = engine.parseBody(body, contentType);
        if (parsed.uses(Attribute.CVC) && TEST_CARD.cvc().isEmpty()) {
            throw new IllegalStateException("no CVC");
        }
        return parsed.render(TEST_CARD);
    }
}
