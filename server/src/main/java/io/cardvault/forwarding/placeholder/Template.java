package io.cardvault.forwarding.placeholder;

import io.cardvault.forwarding.entity.CvcUnavailableException;
import java.util.List;

/**
 * A text split into literal parts and placeholders, with the character offsets of each part in the
 * parsed input so that later stages (the JSON lexer, error messages) can point at positions.
 */
public record Template(List<Part> parts) {

    public Template {
        parts = List.copyOf(parts);
    }

    /** A part of the parsed text; {@code start} inclusive, {@code end} exclusive. */
    public sealed interface Part {
        int start();

        int end();
    }

    /** Text kept exactly as it was. */
    public record Literal(String text, int start, int end) implements Part {}

    /** A {@code {{ attribute | filter ... }}} occurrence. */
    public record Placeholder(Attribute attribute, List<Filter> filters, int start, int end)
            implements Part {

        public Placeholder {
            filters = List.copyOf(filters);
        }

        /**
         * @throws CvcUnavailableException if the placeholder reads a CVC the token does not have
         */
        public Value evaluate(CardAttributes card) {
            String raw = attribute.read(card);
            Value value = attribute.numeric() ? Value.number(raw) : Value.string(raw);
            for (Filter filter : filters) {
                value = filter.apply(value);
            }
            return value;
        }
    }

    public boolean uses(Attribute attribute) {
        for (Part part : parts) {
            if (part instanceof Placeholder placeholder && placeholder.attribute() == attribute) {
                return true;
            }
        }
        return false;
    }
}
