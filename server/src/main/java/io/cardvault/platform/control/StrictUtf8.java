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

    private StrictUtf8() {}

    public static String decode(byte[] bytes) {
        if (isAscii(bytes)) {
            // ASCII is valid UTF-8 as it is; the JDK copies it into a compact string directly,
            // without the decoder's char buffer (twice the body's size) and its second copy
            return new String(bytes, StandardCharsets.US_ASCII);
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

    /** A branch-free OR over the bytes, which the JIT vectorises: set sign bit = non-ASCII. */
    private static boolean isAscii(byte[] bytes) {
        int any = 0;
        for (byte b : bytes) {
            any |= b;
        }
        return any >= 0;
    }
}
