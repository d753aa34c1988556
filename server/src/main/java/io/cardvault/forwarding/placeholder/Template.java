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

    /**
     * Text kept exactly as it was. The parser's literals point into the parsed text instead of
     * holding a copy (a body is mostly literal: rendering copies its bytes, the JSON scan reads it
     * in place); {@link #text()} copies on demand. Equal when text and position are.
     */
    public static final class Literal implements Part {
        private final String source;
        private final int sourceStart;
        private final int start;
        private final int end;

        public Literal(String text, int start, int end) {
            this(text, 0, start, end);
            if (text.length() != end - start) {
                throw new IllegalArgumentException("text does not span start to end");
            }
        }

        private Literal(String source, int sourceStart, int start, int end) {
            this.source = source;
            this.sourceStart = sourceStart;
            this.start = start;
            this.end = end;
        }

        /** The literal {@code parsed[start, end)} of a parsed text, without copying it. */
        static Literal in(String parsed, int start, int end) {
            return new Literal(parsed, start, start, end);
        }

        public String text() {
            return source.substring(sourceStart, sourceStart + length());
        }

        /** The text this literal's characters are in, from {@link #sourceStart()}. */
        String source() {
            return source;
        }

        int sourceStart() {
            return sourceStart;
        }

        int length() {
            return end - start;
        }

        @Override
        public int start() {
            return start;
        }

        @Override
        public int end() {
            return end;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Literal other
                    && start == other.start
                    && end == other.end
                    && source.regionMatches(sourceStart, other.source, other.sourceStart, length());
        }

        @Override
        public int hashCode() {
            int hash = 31 * start + end;
            for (int k = sourceStart; k < sourceStart + length(); k++) {
                hash = 31 * hash + source.charAt(k);
            }
            return hash;
        }

        @Override
        public String toString() {
            return "Literal[text=" + text() + ", start=" + start + ", end=" + end + "]";
        }
    }

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
