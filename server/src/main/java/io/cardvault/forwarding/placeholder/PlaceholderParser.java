package io.cardvault.forwarding.placeholder;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into literals and placeholders following the grammar {@code "{{" ws? attribute ws? (
 * "|" ws? filter ws? )* "}}"} with ws = space, tab, CR, LF.
 *
 * <p>"{{" always starts a placeholder, so a typo is reported (400) instead of silently sending the
 * placeholder text to the payment provider. A lone "{" or "}" and a "}}" outside a placeholder are
 * literal text. Filter arguments are strict: {@code [1-9][0-9]*}, at most {@value
 * Filter#MAX_ARGUMENT}, no spaces inside the parentheses. Every error carries the offset where the
 * problem starts; positions are reported with {@code where = "body"} and re-attributed by the
 * caller.
 */
public final class PlaceholderParser {

    private final String text;
    private int pos;

    private PlaceholderParser(String text) {
        this.text = text;
    }

    /**
     * @throws PlaceholderException for any malformed placeholder
     */
    public static Template parse(String text) {
        return new PlaceholderParser(text).template();
    }

    private Template template() {
        List<Template.Part> parts = new ArrayList<>();
        int literalStart = 0;
        while (true) {
            int open = text.indexOf("{{", pos);
            if (open < 0) {
                break;
            }
            if (open > literalStart) {
                parts.add(Template.Literal.in(text, literalStart, open));
            }
            pos = open;
            parts.add(placeholder());
            literalStart = pos;
        }
        if (literalStart < text.length()) {
            parts.add(Template.Literal.in(text, literalStart, text.length()));
        }
        return new Template(parts);
    }

    private Template.Placeholder placeholder() {
        int start = pos;
        pos += 2;
        skipWhitespace();
        Attribute attribute = attribute(start);
        List<Filter> filters = new ArrayList<>();
        skipWhitespace();
        while (peek() == '|') {
            pos++;
            skipWhitespace();
            filters.add(filter(start));
            skipWhitespace();
        }
        expectClose(start);
        for (Filter filter : filters) {
            if (attribute == Attribute.NUMBER
                    && filter instanceof Filter.Tail t
                    && t.length() > 4) {
                // more than the last 4 digits of a PAN is card data the merchant must not get back
                throw error("tail(n) on number allows at most 4 digits", start);
            }
        }
        return new Template.Placeholder(attribute, filters, start, pos);
    }

    private Attribute attribute(int placeholderStart) {
        int nameStart = pos;
        String name = identifier();
        if (name.isEmpty()) {
            throw unexpected(placeholderStart, "an attribute name");
        }
        return Attribute.byName(name)
                .orElseThrow(() -> error("unknown attribute '" + name + "'", nameStart));
    }

    private Filter filter(int placeholderStart) {
        int nameStart = pos;
        String name = identifier();
        switch (name) {
            case "unwrap":
                return new Filter.Unwrap();
            case "tail":
                return new Filter.Tail(argument(name));
            case "pad":
                return new Filter.Pad(argument(name));
            case "":
                throw unexpected(placeholderStart, "a filter name");
            default:
                throw error("unknown filter '" + name + "'", nameStart);
        }
    }

    private int argument(String filterName) {
        if (peek() != '(') {
            throw error(
                    "filter '" + filterName + "' needs an argument like " + filterName + "(2)",
                    pos);
        }
        pos++;
        int digitsStart = pos;
        while (pos < text.length()
                && Character.isDigit(text.charAt(pos))
                && text.charAt(pos) < 128) {
            pos++;
        }
        String digits = text.substring(digitsStart, pos);
        boolean valid =
                !digits.isEmpty()
                        && digits.charAt(0) != '0'
                        && digits.length() <= 2
                        && Integer.parseInt(digits) <= Filter.MAX_ARGUMENT;
        if (!valid) {
            throw error(
                    "argument of '"
                            + filterName
                            + "' must be an integer from 1 to "
                            + Filter.MAX_ARGUMENT,
                    digitsStart);
        }
        if (peek() != ')') {
            throw error("expected ')'", pos);
        }
        pos++;
        return Integer.parseInt(digits);
    }

    private void expectClose(int placeholderStart) {
        if (text.startsWith("}}", pos)) {
            pos += 2;
            return;
        }
        throw unexpected(placeholderStart, "'|' or '}}'");
    }

    /**
     * The error for the character at {@link #pos}: end of input, a nested "{{", or anything else.
     */
    private PlaceholderException unexpected(int placeholderStart, String expected) {
        if (pos >= text.length()) {
            return error("unterminated placeholder", placeholderStart);
        }
        if (text.startsWith("{{", pos)) {
            return error("nested '{{' inside a placeholder", pos);
        }
        return error("expected " + expected, pos);
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && isIdentifierChar(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private static boolean isIdentifierChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_';
    }

    private void skipWhitespace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private static PlaceholderException error(String reason, int position) {
        return new PlaceholderException(reason, position, "body");
    }
}
