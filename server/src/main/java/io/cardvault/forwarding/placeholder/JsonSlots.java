package io.cardvault.forwarding.placeholder;

import java.util.List;
import java.util.Optional;

/**
 * Finds out, by a lexical scan of a JSON body, where each placeholder stands: inside a longer
 * string, as the whole content of a string, or bare (where a value would be). The body is never
 * parsed into a tree and re-serialised, because the merchant's bytes outside placeholders (key
 * order, whitespace, {@code 1.0e+2}) must reach the provider unchanged.
 *
 * <p>The scan checks tokens (strings with valid escapes and no raw control characters, numbers,
 * {@code true}/{@code false}/{@code null}, punctuation, whitespace), not the nesting structure:
 * knowing the string boundaries is all the escaping needs.
 */
final class JsonSlots {

    /** Where a part stands; literals are {@link #LITERAL}. */
    enum Slot {
        LITERAL,
        INSIDE_STRING,
        WHOLE_STRING,
        BARE
    }

    private static final String[] LITERAL_NAMES = {"true", "false", "null"};

    private final List<Template.Part> parts;
    private final Slot[] slots;
    private boolean inString;
    private int stringPlaceholder = -1;
    private int stringContentItems;
    private boolean pendingEscape;

    /** End (exclusive) of the literal being scanned, in {@code Literal.source()}. */
    private int limit;

    private JsonSlots(List<Template.Part> parts) {
        this.parts = parts;
        this.slots = new Slot[parts.size()];
    }

    /** One slot per template part, or empty if the text is not lexically valid JSON. */
    static Optional<Slot[]> of(Template template) {
        JsonSlots scan = new JsonSlots(template.parts());
        return scan.scan() ? Optional.of(scan.slots) : Optional.empty();
    }

    private boolean scan() {
        for (int i = 0; i < parts.size(); i++) {
            Template.Part part = parts.get(i);
            boolean ok =
                    part instanceof Template.Literal literal ? literal(literal, i) : placeholder(i);
            if (!ok) {
                return false;
            }
        }
        return !inString;
    }

    private boolean placeholder(int index) {
        if (!inString) {
            slots[index] = Slot.BARE;
            return true;
        }
        if (pendingEscape) {
            return false;
        }
        slots[index] = Slot.INSIDE_STRING;
        stringPlaceholder = index;
        stringContentItems++;
        return true;
    }

    private boolean literal(Template.Literal literal, int index) {
        slots[index] = Slot.LITERAL;
        // the literal's characters in the parsed text, without copying them out
        String text = literal.source();
        int from = literal.sourceStart();
        limit = from + literal.length();
        int i = from;
        while (i < limit) {
            i = inString ? stringChar(text, i) : token(text, i, literal.start() + i - from == 0);
            if (i < 0) {
                return false;
            }
        }
        return !pendingEscape;
    }

    /**
     * Consumes a run of plain string characters, or one quote or escape, at {@code i}; returns the
     * next index or -1.
     */
    private int stringChar(String text, int i) {
        int end = i;
        int length = limit;
        while (end < length && isPlainInString(text.charAt(end))) {
            end++;
        }
        if (end > i) {
            stringContentItems += end - i;
            return end;
        }
        char c = text.charAt(i);
        if (c == '"') {
            if (stringContentItems == 1 && stringPlaceholder >= 0) {
                slots[stringPlaceholder] = Slot.WHOLE_STRING;
            }
            inString = false;
            return i + 1;
        }
        stringContentItems++;
        if (c == '\\') {
            return escape(text, i);
        }
        return c < 0x20 ? -1 : i + 1;
    }

    private static boolean isPlainInString(char c) {
        return c >= 0x20 && c != '"' && c != '\\';
    }

    private int escape(String text, int i) {
        if (i + 1 >= limit) {
            pendingEscape = true;
            return -1;
        }
        char e = text.charAt(i + 1);
        if ("\"\\/bfnrt".indexOf(e) >= 0) {
            return i + 2;
        }
        if (e != 'u' || i + 6 > limit) {
            return -1;
        }
        for (int k = i + 2; k < i + 6; k++) {
            if (Character.digit(text.charAt(k), 16) < 0 || text.charAt(k) > 'f') {
                return -1;
            }
        }
        return i + 6;
    }

    /** Consumes one token outside strings at {@code i}; returns the next index or -1. */
    private int token(String text, int i, boolean atBodyStart) {
        char c = text.charAt(i);
        switch (c) {
            case ' ', '\t', '\r', '\n', '{', '}', '[', ']', ',', ':' -> {
                return i + 1;
            }
            case '"' -> {
                inString = true;
                stringPlaceholder = -1;
                stringContentItems = 0;
                return i + 1;
            }
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                return number(text, i);
            }
            case '\uFEFF' -> {
                return atBodyStart ? i + 1 : -1;
            }
            default -> {
                for (String word : LITERAL_NAMES) {
                    if (i + word.length() <= limit && text.startsWith(word, i)) {
                        return i + word.length();
                    }
                }
                return -1;
            }
        }
    }

    private int number(String text, int i) {
        int p = i;
        if (text.charAt(p) == '-') {
            p++;
        }
        if (p < limit && text.charAt(p) == '0') {
            p++;
        } else {
            int digits = digits(text, p);
            if (digits == p) {
                return -1;
            }
            p = digits;
        }
        if (p < limit && text.charAt(p) == '.') {
            int digits = digits(text, p + 1);
            if (digits == p + 1) {
                return -1;
            }
            p = digits;
        }
        if (p < limit && (text.charAt(p) == 'e' || text.charAt(p) == 'E')) {
            p++;
            if (p < limit && (text.charAt(p) == '+' || text.charAt(p) == '-')) {
                p++;
            }
            int digits = digits(text, p);
            if (digits == p) {
                return -1;
            }
            p = digits;
        }
        return p;
    }

    private int digits(String text, int from) {
        int p = from;
        while (p < limit && text.charAt(p) >= '0' && text.charAt(p) <= '9') {
            p++;
        }
        return p;
    }
}
