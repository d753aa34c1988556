package io.cardvault.platform.control;

import io.cardvault.platform.entity.ProblemType;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides from the request line and headers alone whether a request may send its body: features
 * implement it (API keys, the operator key) so that the platform's body intake authenticates before
 * it reads a byte of the body, without naming any feature.
 */
public interface BodyAdmission {

    /** Why a body is not read: the problem answered instead, with a safe detail. */
    record Refusal(ProblemType type, String detail) {}

    /**
     * @param path the path inside the application, e.g. {@code /api/v1/forward}
     * @param header a request header by (case-insensitive) name, {@code null} when absent
     * @return empty when this admission has no objection
     */
    Optional<Refusal> check(String method, String path, Function<String, String> header);

    /**
     * Headers for a problem the body intake answers itself on this path (refusal, {@code 408},
     * {@code 413}), e.g. the forward endpoint's {@code x-cardvault-error: true}.
     */
    default Map<String, String> problemHeaders(String path) {
        return Map.of();
    }
}
