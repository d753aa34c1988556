package io.cardvault.tenants.control;

import io.cardvault.platform.control.BodyAdmission;
import io.cardvault.platform.entity.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;

/**
 * Authenticates API requests before their body is read (issue 10 #6): under {@code /api/} a body is
 * only read for an active {@code x-api-key}, and under {@code /api/v1/admin/} for the operator key.
 * The one API call without a key, the hosted page completing its session ({@code
 * checkout-sessions/{id}/complete}), is left to its resource (it checks the {@code Origin}); so are
 * pages outside {@code /api/} (sandbox PSP, demo). The resources authenticate again: this is an
 * early refusal, not the only check.
 */
@ApplicationScoped
public class KeyAdmission implements BodyAdmission {

    private static final String API = "/api/";
    private static final String ADMIN = "/api/v1/admin/";
    private static final String SESSIONS = "/api/v1/checkout-sessions/";

    @Inject Authenticator authenticator;

    @Inject AdminGuard adminGuard;

    @Override
    public Optional<Refusal> check(String method, String path, Function<String, String> header) {
        if (!path.startsWith(API)) {
            return Optional.empty();
        }
        if (path.startsWith(SESSIONS) && path.endsWith("/complete")) {
            return Optional.empty();
        }
        try {
            if (path.startsWith(ADMIN)) {
                adminGuard.check(header.apply("x-admin-key"));
            } else {
                authenticator.anyKey(header.apply("x-api-key"));
            }
            return Optional.empty();
        } catch (ProblemException refused) {
            return Optional.of(new Refusal(refused.type(), refused.detail()));
        }
    }
}
