package io.cardvault.forwarding.control;

import io.cardvault.forwarding.entity.ForwardRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an idempotent forward's request digest covers: method, the whole destination URL, the token,
 * every header that is forwarded (names case-folded and sorted, values in order, so Authorization
 * or Content-Type changes count) and the body. Two requests with one {@code Idempotency-Key} are
 * "the same" only if the destination would have received the same request. Lengths prefix every
 * part, so no two different requests share an input. Per-attempt tracing headers ({@link
 * #PER_ATTEMPT}) are left out: a client retrying with a fresh request or trace id is still retrying
 * the same request.
 */
final class ForwardDigest {

    static final Set<String> PER_ATTEMPT =
            Set.of(
                    "x-request-id",
                    "x-correlation-id",
                    "traceparent",
                    "tracestate",
                    "baggage",
                    "b3",
                    "x-b3-traceid",
                    "x-b3-spanid",
                    "x-b3-parentspanid",
                    "x-b3-sampled",
                    "x-amzn-trace-id",
                    "x-cloud-trace-context",
                    "sentry-trace",
                    "date");

    private ForwardDigest() {}

    static byte[] input(ForwardAttempt attempt) {
        ForwardRequest request = attempt.request();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part(out, "v2");
        part(out, request.method());
        part(out, attempt.url());
        part(out, attempt.tokenId().value());
        Map<String, List<String>> headers = new TreeMap<>();
        attempt.destinationHeaders()
                .forEach(
                        (name, values) -> {
                            String lower = name.toLowerCase(Locale.ROOT);
                            if (!PER_ATTEMPT.contains(lower)) {
                                headers.computeIfAbsent(lower, k -> new ArrayList<>())
                                        .addAll(values);
                            }
                        });
        String contentType = request.header("content-type");
        if (contentType != null) {
            headers.putIfAbsent("content-type", List.of(contentType));
        }
        part(out, Integer.toString(headers.size()));
        headers.forEach(
                (name, values) -> {
                    part(out, name);
                    part(out, Integer.toString(values.size()));
                    values.forEach(v -> part(out, v));
                });
        part(out, request.body());
        return out.toByteArray();
    }

    private static void part(ByteArrayOutputStream out, String s) {
        part(out, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void part(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
    }
}
