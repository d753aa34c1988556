package io.cardvault.forwarding.placeholder;

/**
 * Renders a JSON template whose placeholder slots are known. A number-typed {@code unwrap} result
 * that is the whole content of a string drops the surrounding quotes ({@code "{{ expiryMonth |
 * unwrap }}"} becomes {@code 12}); everything else is escaped as JSON string content. A bare
 * placeholder outside any string becomes a complete JSON value (quoted string, or the bare number
 * if unwrapped), so the result stays valid JSON.
 */
final class JsonRendering {

    private JsonRendering() {}

    static byte[] render(BodyBytes body, JsonSlots.Slot[] slots, CardAttributes card) {
        byte[][] values = new byte[slots.length][];
        boolean[] swallowQuotes = new boolean[slots.length];
        for (int i = 0; i < slots.length; i++) {
            if (!(body.parts().get(i) instanceof Template.Placeholder placeholder)) {
                continue;
            }
            Value value = placeholder.evaluate(card);
            String text =
                    switch (slots[i]) {
                        case WHOLE_STRING -> {
                            swallowQuotes[i] = value.bareNumber();
                            yield value.bareNumber() ? value.text() : escape(placeholder, value);
                        }
                        case BARE ->
                                value.bareNumber()
                                        ? value.text()
                                        : '"' + escape(placeholder, value) + '"';
                        default -> escape(placeholder, value);
                    };
            values[i] = BodyBytes.utf8(text);
        }
        return body.render(values, swallowQuotes);
    }

    private static String escape(Template.Placeholder placeholder, Value value) {
        return PlaceholderEngine.escaped(ValueEscaper.JSON_STRING, placeholder, value, "body");
    }
}
