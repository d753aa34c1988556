package io.cardvault.forwarding.placeholder;

/**
 * The result of evaluating a placeholder before escaping. {@code bareNumber} is true only for a
 * number-typed value that went through {@code unwrap} and was not turned into a string afterwards:
 * only then may JSON render it without quotes.
 */
public record Value(String text, boolean numeric, boolean bareNumber) {

    static Value string(String text) {
        return new Value(text, false, false);
    }

    static Value number(String text) {
        return new Value(text, true, false);
    }

    static Value unwrappedNumber(String text) {
        return new Value(text, true, true);
    }

    /** Masks the text: values are card data. */
    @Override
    public String toString() {
        return "Value[" + (numeric ? "number" : "string") + ", " + text.length() + " chars]";
    }
}
