package io.cardvault.forwarding.http;

import io.cardvault.forwarding.entity.ForwardProblem;
import io.cardvault.platform.entity.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes a destination's {@code Content-Encoding} so that the redactor can read the body. cardvault
 * asks for {@code identity}; a destination that compresses anyway gets gzip and deflate decoded,
 * never beyond the response cap (a zip bomb is {@code 502 response-too-large}); any other coding
 * ({@code br}, {@code zstd}, ...) or a corrupt stream is {@code 502 response-unreadable}, because a
 * body that cannot be checked is never relayed.
 */
public final class ResponseBodies {

    private ResponseBodies() {}

    /**
     * @param contentEncodings the values of every {@code Content-Encoding} header
     * @return the identity-encoded body (the same array when nothing was encoded)
     */
    public static byte[] decoded(byte[] body, List<String> contentEncodings, int maxBytes) {
        List<String> codings = new ArrayList<>();
        for (String value : contentEncodings) {
            for (String coding : value.split(",")) {
                String c = coding.trim().toLowerCase(Locale.ROOT);
                if (!c.isEmpty() && !c.equals("identity")) {
                    codings.add(c);
                }
            }
        }
        Collections.reverse(codings); // the last coding applied is undone first
        byte[] current = body;
        for (String coding : codings) {
            current = decode(current, coding, maxBytes);
        }
        return current;
    }

    private static byte[] decode(byte[] body, String coding, int maxBytes) {
        try {
            switch (coding) {
                case "gzip", "x-gzip" -> {
                    return bounded(new GZIPInputStream(new ByteArrayInputStream(body)), maxBytes);
                }
                case "deflate" -> {
                    // RFC 9110 says zlib; some servers send raw deflate
                    try {
                        return bounded(
                                new InflaterInputStream(new ByteArrayInputStream(body)), maxBytes);
                    } catch (IOException zlibFailed) {
                        return bounded(
                                new InflaterInputStream(
                                        new ByteArrayInputStream(body), new Inflater(true)),
                                maxBytes);
                    }
                }
                default ->
                        throw new ProblemException(
                                ForwardProblem.RESPONSE_UNREADABLE,
                                "the destination answered with a content coding cardvault cannot"
                                        + " check (only gzip and deflate are decoded)");
            }
        } catch (IOException e) {
            throw new ProblemException(
                    ForwardProblem.RESPONSE_UNREADABLE,
                    "the destination's compressed response could not be decoded");
        }
    }

    private static byte[] bounded(InputStream in, int maxBytes) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (out.size() + n > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(
                ForwardProblem.RESPONSE_TOO_LARGE,
                "the destination's response exceeds cardvault.forward.max-response ("
                        + maxBytes
                        + " bytes)");
    }
}
