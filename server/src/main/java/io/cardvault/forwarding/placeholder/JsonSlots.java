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
 * knowing the string boundaries is all the escaping needs. It reads the body's literal UTF-8 bytes
 * in place ({@link BodyBytes}), not its decoded text: every byte of a character from U+0080 on is
 * itself from 0x80 on, so those bytes are plain string content, and outside strings they are an
 * error but for one byte order mark at the very start.
 */
final class JsonSlots {

    /** Where a part stands; literals are {@link #LITERAL}. */
    enum Slot {
        LITERAL,
        INSIDE_STRING,
        WHOLE_STRING,
        BARE
    }

    private final BodyBytes body;
    private final byte[] b;
    private final Slot[] slots;
    private boolean inString;

    /** The placeholder inside the string being scanned, or -1. */
    private int stringPlaceholder = -1;

    /** Characters, escapes and placeholders in the string so far (only "exactly one" matters). */
    private int stringContentItems;

    private JsonSlots(BodyBytes body) {
        this.body = body;
        this.b = body.original();
        this.slots = new Slot[body.parts().size()];
    }

    /** One slot per template part, or empty if the text is not lexically valid JSON. */
    static Optional<Slot[]> of(BodyBytes body) {
        JsonSlots scan = new JsonSlots(body);
        return scan.scan() ? Optional.of(scan.slots) : Optional.empty();
    }

    private boolean scan() {
        List<Template.Part> parts = body.parts();
        for (int i = 0; i < slots.length; i++) {
            boolean ok =
                    parts.get(i) instanceof Template.Literal
                            ? literal(i, body.offset(i), body.offset(i + 1))
                            : placeholder(i);
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
        slots[index] = Slot.INSIDE_STRING;
        stringPlaceholder = index;
        stringContentItems++;
        return true;
    }

    /**
     * The literal {@code b[from, to)}; a token or escape may not run past its end. The scan state
     * lives in locals for the loop (written back at the end), so the JIT keeps it in registers.
     */
    private boolean literal(int index, int from, int to) {
        slots[index] = Slot.LITERAL;
        byte[] bytes = b;
        boolean inStr = inString;
        int items = stringContentItems;
        int p = from;
        while (p < to) {
            if (inStr) {
                // the run of characters that need no look: the hot loop
                int run = p;
                while (p < to && JsonValidity.isPlainInString(bytes[p])) {
                    p++;
                }
                items += p - run;
                if (p >= to) {
                    break;
                }
                byte c = bytes[p];
                if (c == '"') {
                    if (items == 1 && stringPlaceholder >= 0) {
                        slots[stringPlaceholder] = Slot.WHOLE_STRING;
                    }
                    inStr = false;
                    p++;
                } else if (c == '\\') {
                    items++;
                    p = JsonValidity.escape(bytes, p, to);
                } else {
                    return false; // a raw control character
                }
            } else {
                byte c = bytes[p];
                if (c == '"') {
                    inStr = true;
                    stringPlaceholder = -1;
                    items = 0;
                    p++;
                } else {
                    p = token(bytes, p, to, c);
                }
            }
            if (p < 0) {
                return false;
            }
        }
        inString = inStr;
        stringContentItems = items;
        return true;
    }

    /**
     * Consumes one token outside strings at {@code p} (a quote is handled by the caller); returns
     * the next index or -1.
     */
    private static int token(byte[] bytes, int p, int to, byte c) {
        switch (c) {
            case ' ', '\t', '\r', '\n', '{', '}', '[', ']', ',', ':' -> {
                return p + 1;
            }
            case (byte) 0xEF -> {
                // the byte order mark, U+FEFF, only as the body's first character
                boolean bom =
                        p == 0
                                && p + 3 <= to
                                && bytes[p + 1] == (byte) 0xBB
                                && bytes[p + 2] == (byte) 0xBF;
                return bom ? p + 3 : -1;
            }
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                return JsonValidity.number(bytes, p, to);
            }
            case 't', 'f', 'n' -> {
                // true, false or null, complete within the literal
                return JsonValidity.scalar(bytes, p, to, c);
            }
            default -> {
                return -1;
            }
        }
    }
}
