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

    static String render(
            Template template, JsonSlots.Slot[] slots, CardAttributes card, int sizeHint) {
        StringBuilder out = new StringBuilder(sizeHint + 32);
        boolean dropNextQuote = false;
        for (int i = 0; i < slots.length; i++) {
            Template.Part part = template.parts().get(i);
            if (part instanceof Template.Literal literal) {
                out.append(dropNextQuote ? literal.text().substring(1) : literal.text());
                dropNextQuote = false;
                continue;
            }
            Template.Placeholder placeholder = (Template.Placeholder) part;
            Value value = placeholder.evaluate(card);
            switch (slots[i]) {
                case WHOLE_STRING -> {
                    if (value.bareNumber()) {
                        out.setLength(out.length() - 1);
                        out.append(value.text());
                        dropNextQuote = true;
                    } else {
                        out.append(escape(placeholder, value));
                    }
                }
                case BARE -> {
                    if (value.bareNumber()) {
                        out.append(value.text());
                    } else {
                        out.append('"').append(escape(placeholder, value)).append('"');
                    }
                }
                default -> out.append(escape(placeholder, value));
            }
        }
        return out.toString();
    }

    private static String escape(Template.Placeholder placeholder, Value value) {
        return PlaceholderEngine.escaped(ValueEscaper.JSON_STRING, placeholder, value, "body");
    }
}
