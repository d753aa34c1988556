package io.cardvault.forwarding.http;

import io.cardvault.forwarding.entity.RelayedResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure a destination's answer never shows the merchant more of this token's PAN than BIN and
 * last 4, nor its CVC — in the body (decoded first if the destination compressed it, see {@link
 * ResponseBodies}) and in every header name and value.
 *
 * <p>A <em>run</em> is a sequence of digits equal to a contiguous piece of the PAN, at least
 * {@value #MIN_RUN} digits long, with up to {@value #MAX_SEPARATORS} separators between any two
 * digits: space, tab, CR, LF, {@code - . / _ +}, NBSP (UTF-8 or Latin-1), the ideographic space and
 * their percent-encodings ({@code %20}, {@code %C2%A0}, ...). Digits are ASCII or fullwidth ({@code
 * U+FF10}–{@code U+FF19}, UTF-8). Every digit of a run that stands for one of the PAN's middle
 * digits (7th to 5th-last) is masked in place ({@code *}, or {@code ＊} for a fullwidth digit), so
 * lengths do not change ({@code 4111111111111111} becomes {@code 411111******1111}). A run that is
 * only a piece of the BIN reveals nothing and stays. The CVC is masked wherever it stands as a
 * whole number (not inside a longer one).
 *
 * <p>Escaped forms (JSON {@code \u0034}, HTML entities, base64) and UTF-16 bodies are not
 * recognised; the template side refuses {@code {{ number | tail(n) }}} with n &gt; 4, so a merchant
 * cannot ask for the middle digits directly.
 */
@ApplicationScoped
public class ResponseRedactor {

    static final int MAX_SEPARATORS = 8;
    static final int MIN_RUN = 5;
    private static final byte[] FULLWIDTH_STAR = {(byte) 0xEF, (byte) 0xBC, (byte) 0x8A};

    @Inject
    @ConfigProperty(name = "cardvault.forward.max-response", defaultValue = "10485760")
    int maxResponse = ForwardClient.DEFAULT_MAX_RESPONSE;

    public ResponseRedactor() {}

    /**
     * The response as the merchant gets it: body decoded (bounded by {@code
     * cardvault.forward.max-response}) and redacted, {@code Content-Encoding} dropped, header names
     * and values redacted.
     *
     * @param pan the full card number to mask (never logged, never in a message)
     * @param cvc the CVC the forward may have sent, masked too
     * @param merchantHeaders the destination's headers already filtered by {@link
     *     HeaderRules#toMerchant}
     * @throws io.cardvault.platform.entity.ProblemException 502 {@code response-too-large} or
     *     {@code response-unreadable} (a compression it cannot check)
     */
    public RelayedResponse relay(
            int status,
            Map<String, List<String>> merchantHeaders,
            byte[] body,
            String pan,
            Optional<String> cvc,
            String forwardId) {
        byte[] decoded =
                ResponseBodies.decoded(
                        body == null ? new byte[0] : body,
                        contentEncodings(merchantHeaders),
                        maxResponse);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        merchantHeaders.forEach(
                (name, values) -> {
                    if (!name.equalsIgnoreCase("content-encoding")) {
                        List<String> out = new ArrayList<>(values.size());
                        values.forEach(v -> out.add(redactText(v, pan, cvc)));
                        headers.merge(
                                redactText(name, pan, cvc),
                                out,
                                (a, b) -> {
                                    List<String> all = new ArrayList<>(a);
                                    all.addAll(b);
                                    return all;
                                });
                    }
                });
        return new RelayedResponse(status, headers, redact(decoded, pan, cvc), forwardId);
    }

    private static List<String> contentEncodings(Map<String, List<String>> headers) {
        List<String> codings = new ArrayList<>();
        headers.forEach(
                (name, values) -> {
                    if (name.equalsIgnoreCase("content-encoding")) {
                        codings.addAll(values);
                    }
                });
        return codings;
    }

    /**
     * @return a masked copy, or the given array when nothing needed masking
     */
    public byte[] redact(byte[] body, String pan) {
        return redact(body, pan, Optional.empty());
    }

    /**
     * @return a masked copy, or the given array when nothing needed masking
     */
    public static byte[] redact(byte[] body, String pan, Optional<String> cvc) {
        if (pan == null || !pan.matches("[0-9]{12,19}")) {
            throw new IllegalArgumentException("PAN must be 12 to 19 digits");
        }
        if (body == null) {
            return new byte[0];
        }
        byte[] out = body.clone();
        boolean changed = maskPanRuns(body, out, pan);
        if (cvc.isPresent() && cvc.get().matches("[0-9]{3,4}")) {
            changed |= maskCvc(body, out, cvc.get());
        }
        return changed ? out : body;
    }

    /**
     * Header names and values: Latin-1 when every character fits (how HTTP header bytes arrive),
     * UTF-8 otherwise, so fullwidth digits are found either way.
     */
    public static String redactText(String text, String pan, Optional<String> cvc) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        boolean latin1 = text.chars().allMatch(c -> c <= 0xFF);
        java.nio.charset.Charset cs = latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
        byte[] bytes = text.getBytes(cs);
        byte[] redacted = redact(bytes, pan, cvc);
        return redacted == bytes ? text : new String(redacted, cs);
    }

    /**
     * At each digit, the longest run (ties: the alignment nearest the PAN's start, the natural
     * reading of a printed PAN); its middle digits are masked and the scan continues after it.
     */
    private static boolean maskPanRuns(byte[] body, byte[] out, String pan) {
        boolean changed = false;
        int[] positions = new int[pan.length()];
        int[] best = new int[pan.length()];
        String bin = pan.substring(0, 6);
        int firstHidden = 6;
        int lastHidden = pan.length() - 5;
        int i = 0;
        while (i < body.length) {
            int digit = digitAt(body, i);
            int bestLength = 0;
            int bestOffset = -1;
            for (int a = 0; digit >= 0 && a < pan.length(); a++) {
                if (pan.charAt(a) - '0' == digit) {
                    int length = extend(body, i, pan, a, positions);
                    if (length > bestLength) {
                        bestLength = length;
                        bestOffset = a;
                        System.arraycopy(positions, 0, best, 0, length);
                    }
                }
            }
            boolean coversHidden =
                    bestOffset >= 0
                            && bestOffset <= lastHidden
                            && bestOffset + bestLength - 1 >= firstHidden;
            boolean onlyBin =
                    bestLength <= bin.length()
                            && bestOffset >= 0
                            && bin.contains(pan.substring(bestOffset, bestOffset + bestLength));
            if (bestLength < MIN_RUN || !coversHidden || onlyBin) {
                i++;
                continue;
            }
            for (int k = 0; k < bestLength; k++) {
                int panIndex = bestOffset + k;
                if (panIndex >= firstHidden && panIndex <= lastHidden) {
                    mask(out, best[k]);
                    changed = true;
                }
            }
            int last = best[bestLength - 1];
            i = last + digitLength(body, last);
        }
        return changed;
    }

    /** How many PAN digits from index {@code a} on match at {@code i}; fills their positions. */
    private static int extend(byte[] body, int i, String pan, int a, int[] positions) {
        int j = i;
        int count = 0;
        for (int k = a; k < pan.length(); k++) {
            if (count > 0) {
                int units = 0;
                int s;
                while (units < MAX_SEPARATORS && (s = separatorAt(body, j)) > 0) {
                    j += s;
                    units++;
                }
            }
            int digit = digitAt(body, j);
            if (digit != pan.charAt(k) - '0') {
                break;
            }
            positions[count++] = j;
            j += digitLength(body, j);
        }
        return count;
    }

    private static boolean maskCvc(byte[] body, byte[] out, String cvc) {
        boolean changed = false;
        int i = 0;
        while (i < body.length) {
            if (digitAt(body, i) < 0 || digitBefore(body, i)) {
                i++;
                continue;
            }
            int j = i;
            StringBuilder digits = new StringBuilder();
            List<Integer> starts = new ArrayList<>();
            while (digitAt(body, j) >= 0 && digits.length() <= cvc.length()) {
                digits.append((char) ('0' + digitAt(body, j)));
                starts.add(j);
                j += digitLength(body, j);
            }
            if (digitAt(body, j) < 0 && digits.toString().equals(cvc)) {
                starts.forEach(p -> mask(out, p));
                changed = true;
            }
            i = Math.max(j, i + 1);
        }
        return changed;
    }

    private static boolean digitBefore(byte[] b, int i) {
        boolean ascii = i >= 1 && b[i - 1] >= '0' && b[i - 1] <= '9';
        boolean fullwidth = i >= 3 && b[i - 3] == (byte) 0xEF && digitAt(b, i - 3) >= 0;
        return ascii || fullwidth;
    }

    /** The digit (0–9) at {@code i}: ASCII, or fullwidth in UTF-8 ({@code EF BC 90..99}); or -1. */
    static int digitAt(byte[] b, int i) {
        if (i >= b.length) {
            return -1;
        }
        if (b[i] >= '0' && b[i] <= '9') {
            return b[i] - '0';
        }
        if (i + 2 < b.length
                && b[i] == (byte) 0xEF
                && b[i + 1] == (byte) 0xBC
                && (b[i + 2] & 0xFF) >= 0x90
                && (b[i + 2] & 0xFF) <= 0x99) {
            return (b[i + 2] & 0xFF) - 0x90;
        }
        return -1;
    }

    private static int digitLength(byte[] b, int i) {
        return b[i] >= '0' && b[i] <= '9' ? 1 : 3;
    }

    /** The length of the separator at {@code i}, or 0. */
    static int separatorAt(byte[] b, int i) {
        if (i >= b.length) {
            return 0;
        }
        int c = b[i] & 0xFF;
        if (isSeparator(c) || c == 0xA0) {
            return 1;
        }
        if (c == 0xC2 && i + 1 < b.length && (b[i + 1] & 0xFF) == 0xA0) {
            return 2; // NBSP in UTF-8
        }
        if (c == 0xE3
                && i + 2 < b.length
                && (b[i + 1] & 0xFF) == 0x80
                && (b[i + 2] & 0xFF) == 0x80) {
            return 3; // ideographic space
        }
        if (c == '%') {
            int decoded = hexByte(b, i);
            if (decoded >= 0 && (isSeparator(decoded) || decoded == 0xA0)) {
                return 3;
            }
            if (decoded == 0xC2
                    && i + 5 < b.length
                    && b[i + 3] == '%'
                    && hexByte(b, i + 3) == 0xA0) {
                return 6;
            }
        }
        return 0;
    }

    private static boolean isSeparator(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == '.' || c == '/'
                || c == '_' || c == '+';
    }

    private static int hexByte(byte[] b, int percentAt) {
        if (percentAt + 2 >= b.length) {
            return -1;
        }
        int high = Character.digit(b[percentAt + 1], 16);
        int low = Character.digit(b[percentAt + 2], 16);
        return high < 0 || low < 0 ? -1 : high * 16 + low;
    }

    private static void mask(byte[] out, int position) {
        if (out[position] >= '0' && out[position] <= '9') {
            out[position] = '*';
        } else {
            System.arraycopy(FULLWIDTH_STAR, 0, out, position, 3);
        }
    }
}
