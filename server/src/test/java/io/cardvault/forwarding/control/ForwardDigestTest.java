package io.cardvault.forwarding.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cardvault.forwarding.entity.ForwardRequest;
import io.cardvault.tenants.entity.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForwardDigestTest {

    private static final String TOKEN = "6f1c2b1e-7a0d-4c4e-9f5e-2b8a8d0e4c11";

    private static byte[] digestOf(Map<String, List<String>> forwarded, String body) {
        ForwardRequest request =
                new ForwardRequest(
                        "POST",
                        Map.of(
                                "x-forward-url", List.of("https://psp.example/pay"),
                                "x-token-id", List.of(TOKEN)),
                        body.getBytes(StandardCharsets.UTF_8));
        ForwardAttempt attempt =
                ForwardAttempt.read(new TenantId("11111111-1111-4111-8111-111111111111"), request);
        attempt.useDestinationHeaders(forwarded);
        return ForwardDigest.input(attempt);
    }

    @Test
    void input_differentAuthorization_differs() {
        byte[] a = digestOf(Map.of("Authorization", List.of("Bearer A")), "{}");
        byte[] b = digestOf(Map.of("Authorization", List.of("Bearer B")), "{}");
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void input_differentContentType_differs() {
        byte[] a = digestOf(Map.of("Content-Type", List.of("application/json")), "{}");
        byte[] b = digestOf(Map.of("Content-Type", List.of("text/plain")), "{}");
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void input_headerNameCase_isIgnored() {
        assertArrayEquals(
                digestOf(Map.of("Authorization", List.of("x")), "{}"),
                digestOf(Map.of("authorization", List.of("x")), "{}"));
    }

    @Test
    void input_freshRequestIdOnRetry_isTheSameRequest() {
        assertArrayEquals(
                digestOf(
                        Map.of("Authorization", List.of("x"), "x-request-id", List.of("r1")), "{}"),
                digestOf(
                        Map.of("Authorization", List.of("x"), "X-Request-Id", List.of("r2")),
                        "{}"));
    }

    @Test
    void input_headerVersusBodyBoundary_isUnambiguous() {
        assertFalse(
                Arrays.equals(
                        digestOf(Map.of("a", List.of("b")), "c"),
                        digestOf(Map.of("a", List.of("bc")), "")));
    }
}
