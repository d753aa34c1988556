package io.cardvault.forwarding.placeholder;

/** A placeholder filter; filters apply left to right to a {@link Value}. */
public sealed interface Filter {

    /** Largest argument accepted by {@code tail(n)} and {@code pad(n)}; bounds output size. */
    int MAX_ARGUMENT = 64;

    Value apply(Value value);

    /** {@code tail(n)}: the last n characters (all of them if shorter), always a string. */
    record Tail(int length) implements Filter {
        @Override
        public Value apply(Value value) {
            String text = value.text();
            int from = Math.max(0, text.length() - length);
            return Value.string(text.substring(from));
        }
    }

    /** {@code pad(n)}: left-padded with zeros to n characters (unchanged if longer), a string. */
    record Pad(int length) implements Filter {
        @Override
        public Value apply(Value value) {
            String text = value.text();
            return Value.string("0".repeat(Math.max(0, length - text.length())) + text);
        }
    }

    /** {@code unwrap}: keeps a number a number so JSON can drop the quotes; no-op on strings. */
    record Unwrap() implements Filter {
        @Override
        public Value apply(Value value) {
            return value.numeric() ? Value.unwrappedNumber(value.text()) : value;
        }
    }
}
