package io.cardvault.tenants.control;

import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.entity.Caller;
import io.cardvault.tenants.entity.TenantProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns an {@code x-api-key} header into a {@link Caller}, or a 401/403 problem. */
@ApplicationScoped
public class Authenticator {

    @Inject TenantRegistry registry;

    /** Any active key of a tenant. */
    public Caller anyKey(String header) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(
                    TenantProblem.UNAUTHENTICATED, "send your API key in the x-api-key header");
        }
        return registry.authenticate(header.strip())
                .orElseThrow(
                        () ->
                                new ProblemException(
                                        TenantProblem.UNAUTHENTICATED,
                                        "the API key is unknown or revoked"));
    }

    /** A secret key only: publishable keys get 403. */
    public Caller secretKey(String header) {
        Caller caller = anyKey(header);
        if (!caller.isSecret()) {
            throw new ProblemException(
                    TenantProblem.FORBIDDEN,
                    "this operation needs a secret key (sk_); publishable keys may only create tokens");
        }
        return caller;
    }
}
