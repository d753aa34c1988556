package io.cardvault.forwarding.boundary;

import io.cardvault.platform.boundary.OwnErrorMarker;
import io.cardvault.platform.control.BodyAdmission;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The forward endpoints' part of the body intake: no objection of their own (keys are checked by
 * the tenants' admission), but problems answered before the resource runs carry {@code
 * x-cardvault-error: true} like every error the forward endpoint makes itself.
 */
@ApplicationScoped
public class ForwardBodyAdmission implements BodyAdmission {

    private static final String FORWARD = "/api/v1/forward";

    @Override
    public Optional<Refusal> check(String method, String path, Function<String, String> header) {
        return Optional.empty();
    }

    @Override
    public Map<String, String> problemHeaders(String path) {
        return path.equals(FORWARD) || path.startsWith(FORWARD + "/")
                ? Map.of(OwnErrorMarker.HEADER, "true")
                : Map.of();
    }
}
