package io.cardvault.platform.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** UTF-8 decoding that refuses malformed input instead of replacing it with U+FFFD. */
public final class StrictUtf8 {

    /** The input is not valid UTF-8; {@link #offset()} is where decoding stopped. */
    public static final class InvalidUtf8Exception extends RuntimeException {
        private final int offset;

        InvalidUtf8Exception(int offset) {
            super("not valid UTF-8", null, false, false);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    private static final char REPLACEMENT = '\uFFFD';

    private StrictUtf8() {}

    public static String decode(byte[] bytes) {
        // ASCII is valid UTF-8 as it is. The JDK's US-ASCII decoding checks for a byte with the
        // sign bit set with an intrinsic (vectorised) and then copies the bytes into a compact
        // string, with no decoder and no char buffer. Every other byte decodes to U+FFFD, which
        // no ASCII byte does: a string without it means the whole body was ASCII.
        String ascii = new String(bytes, StandardCharsets.US_ASCII);
        if (ascii.indexOf(REPLACEMENT) < 0) {
            return ascii;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in)
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidUtf8Exception(in.position());
        }
    }
}
