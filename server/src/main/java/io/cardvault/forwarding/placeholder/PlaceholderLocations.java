package io.cardvault.forwarding.placeholder;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Finds where each placeholder of a forward stands, for the preview: by the same parse and the same
 * choice of body format as rendering uses, so a placeholder is listed exactly when rendering
 * replaces it. Pure; call it only on input that rendered without error.
 */
public final class PlaceholderLocations {

    private PlaceholderLocations() {}

    /** Placeholders of a body; none for content types whose bodies are forwarded untouched. */
    public static List<PlaceholderLocation> inBody(byte[] body, String contentTypeOrNull) {
        BodyFormat format = BodyFormat.of(contentTypeOrNull);
        if (body == null || format == BodyFormat.OPAQUE) {
            return List.of();
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.contains("{{")) {
            return List.of();
        }
        Template template = PlaceholderParser.parse(text);
        return switch (format) {
            case JSON ->
                    JsonSlots.of(new BodyBytes(body, text, template)).isPresent()
                            ? JsonPointers.of(template, text)
                            : atOffsets(template, text);
            case FORM -> byField(template, text, "form:");
            default -> atOffsets(template, text);
        };
    }

    public static List<PlaceholderLocation> inQuery(String rawQueryOrNull) {
        if (rawQueryOrNull == null || !rawQueryOrNull.contains("{{")) {
            return List.of();
        }
        return byField(PlaceholderParser.parse(rawQueryOrNull), rawQueryOrNull, "query:");
    }

    public static List<PlaceholderLocation> inHeader(String name, String value) {
        if (value == null || !value.contains("{{")) {
            return List.of();
        }
        List<PlaceholderLocation> out = new ArrayList<>();
        for (Template.Placeholder p : placeholders(PlaceholderParser.parse(value))) {
            out.add(new PlaceholderLocation(expression(value, p), "header:" + name));
        }
        return out;
    }

    private static List<PlaceholderLocation> atOffsets(Template template, String text) {
        List<PlaceholderLocation> out = new ArrayList<>();
        for (Template.Placeholder p : placeholders(template)) {
            out.add(new PlaceholderLocation(expression(text, p), "text:" + p.start()));
        }
        return out;
    }

    /** {@code name=value&...}: the (decoded) name of the pair the placeholder stands in. */
    private static List<PlaceholderLocation> byField(Template template, String text, String kind) {
        List<PlaceholderLocation> out = new ArrayList<>();
        for (Template.Placeholder p : placeholders(template)) {
            int pairStart = text.lastIndexOf('&', p.start()) + 1;
            int equals = text.indexOf('=', pairStart);
            int nameEnd = equals < 0 || equals > p.start() ? p.start() : equals;
            out.add(
                    new PlaceholderLocation(
                            expression(text, p),
                            kind + decode(text.substring(pairStart, nameEnd))));
        }
        return out;
    }

    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    static List<Template.Placeholder> placeholders(Template template) {
        List<Template.Placeholder> out = new ArrayList<>();
        for (Template.Part part : template.parts()) {
            if (part instanceof Template.Placeholder p) {
                out.add(p);
            }
        }
        return out;
    }

    static String expression(String text, Template.Placeholder p) {
        return text.substring(p.start(), p.end());
    }

    /**
     * A lexical walk of a JSON template (already known to scan as JSON) that keeps the path of
     * object keys and array indexes, so each placeholder gets the JSON Pointer (RFC 6901) of the
     * value it stands in.
     */
    static final class JsonPointers {

        private static final class Level {
            final boolean array;
            int index;
            String key = "";
            boolean expectKey;

            Level(boolean array) {
                this.array = array;
                this.expectKey = !array;
            }
        }

        private final Deque<Level> path = new ArrayDeque<>();
        private final StringBuilder string = new StringBuilder();
        private boolean inString;
        private boolean stringIsKey;

        static List<PlaceholderLocation> of(Template template, String text) {
            JsonPointers walk = new JsonPointers();
            List<PlaceholderLocation> out = new ArrayList<>();
            for (Template.Part part : template.parts()) {
                if (part instanceof Template.Literal literal) {
                    walk.literal(literal.text());
                } else {
                    Template.Placeholder p = (Template.Placeholder) part;
                    out.add(new PlaceholderLocation(expression(text, p), "body:" + walk.pointer()));
                    if (walk.inString) {
                        walk.string.append('\u0000');
                    }
                }
            }
            return out;
        }

        private void literal(String text) {
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (inString) {
                    i = stringChar(text, i);
                    continue;
                }
                switch (c) {
                    case '{' -> path.push(new Level(false));
                    case '[' -> path.push(new Level(true));
                    case '}', ']' -> {
                        if (!path.isEmpty()) {
                            path.pop();
                        }
                    }
                    case ',' -> next();
                    case '"' -> {
                        inString = true;
                        stringIsKey = !path.isEmpty() && path.peek().expectKey;
                        string.setLength(0);
                    }
                    default -> {
                        // whitespace, ':', numbers, literals: nothing to track
                    }
                }
                i++;
            }
        }

        private int stringChar(String text, int i) {
            char c = text.charAt(i);
            if (c == '"') {
                inString = false;
                if (stringIsKey) {
                    path.peek().key = string.toString();
                    path.peek().expectKey = false;
                }
                return i + 1;
            }
            if (c != '\\' || i + 1 >= text.length()) {
                string.append(c);
                return i + 1;
            }
            char e = text.charAt(i + 1);
            if (e == 'u' && i + 6 <= text.length()) {
                string.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                return i + 6;
            }
            string.append(
                    switch (e) {
                        case 'b' -> '\b';
                        case 'f' -> '\f';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 't' -> '\t';
                        default -> e;
                    });
            return i + 2;
        }

        private void next() {
            Level level = path.peek();
            if (level == null) {
                return;
            }
            if (level.array) {
                level.index++;
            } else {
                level.expectKey = true;
            }
        }

        /** The pointer of the value being read now (inside a key: its object's pointer). */
        private String pointer() {
            List<String> tokens = new ArrayList<>();
            boolean first = true;
            for (Level level : path) {
                if (first && inString && stringIsKey) {
                    first = false;
                    continue;
                }
                first = false;
                tokens.add(0, level.array ? Integer.toString(level.index) : escape(level.key));
            }
            return tokens.isEmpty() ? "" : "/" + String.join("/", tokens);
        }

        private static String escape(String token) {
            return token.replace("~", "~0").replace("/", "~1");
        }
    }
}
