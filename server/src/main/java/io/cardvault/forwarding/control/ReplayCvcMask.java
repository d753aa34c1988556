package io.cardvault.forwarding.control;

import io.cardvault.forwarding.entity.RelayedResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Clears the CVC a forward injected out of the response before it is stored as a replay, so the CVC
 * is never persisted in any form (PCI DSS 3.3.1.2). Every run of the CVC's digits that is not part
 * of a longer number (ASCII or fullwidth digits) becomes {@code *} of the same length, in the body
 * and in every header value. A number that merely equals the CVC is masked too: the replay may then
 * differ from the first answer in such a number, which is the price of never storing a CVC; the
 * replay says so with {@value #MARKER}.
 */
final class ReplayCvcMask {

    static final String MARKER = "x-cardvault-replay-cvc-masked";

    private ReplayCvcMask() {}

    static RelayedResponse mask(RelayedResponse r, String cvc) {
        if (cvc == null || !cvc.matches("[0-9]{3,4}")) {
            return r;
        }
        boolean[] changed = {false};
        Map<String, List<String>> headers = new LinkedHashMap<>();
        r.headers()
                .forEach(
                        (name, values) -> {
                            List<String> out = new ArrayList<>(values.size());
                            for (String v : values) {
                                String m = mask(v, cvc);
                                changed[0] |= !m.equals(v);
                                out.add(m);
                            }
                            headers.put(name, out);
                        });
        byte[] body = maskBytes(r.body(), cvc);
        changed[0] |= body != r.body();
        if (!changed[0]) {
            return r;
        }
        headers.put(MARKER, List.of("true"));
        return new RelayedResponse(r.status(), headers, body, r.forwardId());
    }

    static String mask(String text, String cvc) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] masked = maskBytes(bytes, cvc);
        return masked == bytes ? text : new String(masked, StandardCharsets.UTF_8);
    }

    /** Returns the given array when nothing matched, else a masked copy. */
    static byte[] maskBytes(byte[] body, String cvc) {
        if (body == null) {
            return new byte[0];
        }
        byte[] out = null;
        int i = 0;
        while (i < body.length) {
            int end = matchAt(body, i, cvc);
            if (end < 0 || digitBefore(body, i) || digitAt(body, end) >= 0) {
                i++;
                continue;
            }
            if (out == null) {
                out = body.clone();
            }
            for (int k = i; k < end; k++) {
                out[k] = '*';
            }
            i = end;
        }
        return out == null ? body : out;
    }

    /** Index after the CVC's digits starting at {@code from}, or -1. */
    private static int matchAt(byte[] b, int from, String cvc) {
        int j = from;
        for (int k = 0; k < cvc.length(); k++) {
            int len = digitAt(b, j);
            if (len < 0 || digitValue(b, j) != cvc.charAt(k) - '0') {
                return -1;
            }
            j += len;
        }
        return j;
    }

    /** Length in bytes of the digit at {@code i} (1 ASCII, 3 fullwidth UTF-8), or -1. */
    private static int digitAt(byte[] b, int i) {
        if (i >= b.length) {
            return -1;
        }
        if (b[i] >= '0' && b[i] <= '9') {
            return 1;
        }
        if (i + 2 < b.length
                && b[i] == (byte) 0xEF
                && b[i + 1] == (byte) 0xBC
                && b[i + 2] >= (byte) 0x90
                && b[i + 2] <= (byte) 0x99) {
            return 3;
        }
        return -1;
    }

    private static int digitValue(byte[] b, int i) {
        return b[i] >= '0' && b[i] <= '9' ? b[i] - '0' : b[i + 2] - (byte) 0x90;
    }

    private static boolean digitBefore(byte[] b, int i) {
        return (i >= 1 && b[i - 1] >= '0' && b[i - 1] <= '9') || (i >= 3 && digitAt(b, i - 3) == 3);
    }
}
