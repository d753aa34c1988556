package io.cardvault.forwarding.placeholder;

import io.cardvault.forwarding.entity.CvcUnavailableException;
import io.cardvault.platform.control.StrictUtf8;
import java.util.List;

/**
 * Replaces placeholders with card data in a request's body, query and header values, escaped for
 * where each one stands. Everything is rendered before anything is sent, so a bad placeholder or a
 * missing CVC fails the request while the provider has seen nothing.
 *
 * <p>Bytes outside placeholders are kept exactly: a body without "{{" is returned as the same array
 * without even being decoded, which is also why invalid UTF-8 is only an error (400, {@code where =
 * "body"}, position = byte offset of the first bad byte) when there is something to replace.
 */
public class PlaceholderEngine {

    public PlaceholderEngine() {}

    /**
     * A request body parsed once: whether it reads the CVC, then its rendering. Bytes of other
     * content types, and bodies without "{{", are never decoded or parsed.
     */
    public static final class Body {
        private final byte[] original;
        private final BodyFormat format;
        private final Template template;
        private final BodyBytes bytes;

        private Body(byte[] original, BodyFormat format) {
            this.original = original;
            this.format = format;
            this.template = null;
            this.bytes = null;
        }

        private Body(byte[] original, BodyFormat format, String decoded, Template template) {
            this.original = original;
            this.format = format;
            this.template = template;
            this.bytes = new BodyBytes(original, decoded, template);
        }

        public boolean uses(Attribute attribute) {
            return template != null && template.uses(attribute);
        }

        /**
         * @return the body with placeholders replaced; the given array itself when nothing applies
         * @throws PlaceholderException an unrepresentable value
         * @throws CvcUnavailableException a cvc placeholder but the token has no CVC
         */
        public byte[] render(CardAttributes card) {
            if (template == null) {
                return original;
            }
            if (format == BodyFormat.JSON) {
                // A body declared JSON that is not JSON is refused (400 malformed-body), never
                // substituted as text: a lenient parser downstream could be broken out of by a
                // value.
                JsonSlots.Slot[] slots = JsonSlots.of(bytes).orElseThrow(JsonValidity::malformed);
                byte[] rendered = JsonRendering.render(bytes, slots, card);
                JsonValidity.require(rendered);
                return rendered;
            }
            List<Template.Part> parts = template.parts();
            byte[][] values = new byte[parts.size()][];
            for (int i = 0; i < values.length; i++) {
                if (parts.get(i) instanceof Template.Placeholder placeholder) {
                    values[i] =
                            BodyBytes.utf8(escaped(format.escaper(), placeholder, card, "body"));
                }
            }
            return bytes.render(values, null);
        }
    }

    /** A query or header value parsed once. */
    public static final class Text {
        private final String original;
        private final Template template;
        private final ValueEscaper escaper;
        private final String where;

        private Text(String original, Template template, ValueEscaper escaper, String where) {
            this.original = original;
            this.template = template;
            this.escaper = escaper;
            this.where = where;
        }

        public boolean uses(Attribute attribute) {
            return template != null && template.uses(attribute);
        }

        public String render(CardAttributes card) {
            if (template == null) {
                return original;
            }
            return renderEach(template, escaper, card, where, original.length());
        }
    }

    /**
     * Parses a body once (null body: an empty one).
     *
     * @throws PlaceholderException malformed placeholder, invalid UTF-8 ({@code where = "body"},
     *     position = byte offset of the first bad byte)
     * @throws io.cardvault.platform.entity.ProblemException 400 malformed-body: declared JSON, has
     *     placeholders, and is not lexically JSON
     */
    public Body parseBody(byte[] body, String contentTypeHeaderOrNull) {
        if (body == null) {
            return new Body(new byte[0], BodyFormat.OPAQUE);
        }
        BodyFormat format = BodyFormat.of(contentTypeHeaderOrNull);
        if (format == BodyFormat.OPAQUE || !containsDoubleBrace(body)) {
            return new Body(body, format);
        }
        String decoded = decode(body);
        return new Body(body, format, decoded, PlaceholderParser.parse(decoded));
    }

    /**
     * Parses the raw (still percent-encoded) query of the destination URL; injected values will be
     * percent-encoded, the rest is kept. Positions in errors count from the start of the query,
     * with {@code where = "url"}. The caller splits {@code x-forward-url} at the first "?" before
     * checking it, because placeholder syntax is not valid URI syntax.
     */
    public Text parseQuery(String rawQueryOrNull) {
        String query = rawQueryOrNull == null ? "" : rawQueryOrNull;
        return text(query, ValueEscaper.PERCENT, "url");
    }

    /**
     * Parses a header value, rendered as plain text; rendering refuses (400) any injected character
     * that would split the header or that java.net.http would reject: anything but HTAB, SP,
     * visible ASCII and obs-text (U+0080 to U+00FF). CR/LF can therefore never reach the wire.
     */
    public Text parseHeaderValue(String headerName, String valueOrNull) {
        String value = valueOrNull == null ? "" : valueOrNull;
        return text(value, ValueEscaper.HEADER, "header:" + headerName);
    }

    private static Text text(String value, ValueEscaper escaper, String where) {
        if (!value.contains("{{")) {
            return new Text(value, null, escaper, where);
        }
        return new Text(value, parse(value, where), escaper, where);
    }

    /**
     * @return the body with placeholders replaced; the given array itself when nothing applies
     *     (null body: an empty array; other content types: untouched, never parsed)
     * @throws PlaceholderException malformed placeholder, invalid UTF-8, or an unrepresentable
     *     value
     * @throws CvcUnavailableException a cvc placeholder but the token has no CVC
     */
    public byte[] renderBody(byte[] body, String contentTypeHeaderOrNull, CardAttributes card) {
        return parseBody(body, contentTypeHeaderOrNull).render(card);
    }

    /** {@link #parseQuery} then render: the rendered query, empty for a null query. */
    public String renderQuery(String rawQueryOrNull, CardAttributes card) {
        return parseQuery(rawQueryOrNull).render(card);
    }

    /** {@link #parseHeaderValue} then render. */
    public String renderHeaderValue(String headerName, String value, CardAttributes card) {
        return parseHeaderValue(headerName, value).render(card);
    }

    /** Whether rendering this body would read the CVC, so the caller can answer 422 up front. */
    public boolean usesCvc(byte[] body, String contentTypeHeaderOrNull) {
        if (body == null
                || BodyFormat.of(contentTypeHeaderOrNull) == BodyFormat.OPAQUE
                || !containsDoubleBrace(body)) {
            return false;
        }
        return PlaceholderParser.parse(decode(body)).uses(Attribute.CVC);
    }

    /** Whether rendering this query or header value would read the CVC. */
    public boolean usesCvc(String queryOrHeaderValue) {
        if (queryOrHeaderValue == null || !queryOrHeaderValue.contains("{{")) {
            return false;
        }
        return PlaceholderParser.parse(queryOrHeaderValue).uses(Attribute.CVC);
    }

    static String renderEach(
            Template template,
            ValueEscaper escaper,
            CardAttributes card,
            String where,
            int sizeHint) {
        StringBuilder out = new StringBuilder(sizeHint + 32);
        for (Template.Part part : template.parts()) {
            if (part instanceof Template.Literal literal) {
                int from = literal.sourceStart();
                out.append(literal.source(), from, from + literal.length());
            } else {
                Template.Placeholder placeholder = (Template.Placeholder) part;
                out.append(escaped(escaper, placeholder, card, where));
            }
        }
        return out.toString();
    }

    static String escaped(
            ValueEscaper escaper,
            Template.Placeholder placeholder,
            CardAttributes card,
            String where) {
        try {
            return escaper.escape(placeholder.evaluate(card).text());
        } catch (IllegalArgumentException e) {
            throw new PlaceholderException(e.getMessage(), placeholder.start(), where);
        }
    }

    static String escaped(
            ValueEscaper escaper, Template.Placeholder placeholder, Value value, String where) {
        try {
            return escaper.escape(value.text());
        } catch (IllegalArgumentException e) {
            throw new PlaceholderException(e.getMessage(), placeholder.start(), where);
        }
    }

    private static Template parse(String text, String where) {
        try {
            return PlaceholderParser.parse(text);
        } catch (PlaceholderException e) {
            throw e.in(where);
        }
    }

    private static boolean containsDoubleBrace(byte[] body) {
        for (int i = 0; i + 1 < body.length; i++) {
            if (body[i] == '{' && body[i + 1] == '{') {
                return true;
            }
        }
        return false;
    }

    private static String decode(byte[] body) {
        try {
            return StrictUtf8.decode(body);
        } catch (StrictUtf8.InvalidUtf8Exception e) {
            throw new PlaceholderException("body is not valid UTF-8", e.offset(), "body");
        }
    }
}
