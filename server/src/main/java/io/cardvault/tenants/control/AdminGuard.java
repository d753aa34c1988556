package io.cardvault.tenants.control;

import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.entity.TenantProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator key: {@code cardvault.admin.key} (env {@code CARDVAULT_ADMIN_KEY}), or in demo mode
 * the generated demo admin key. Without either the admin API is disabled (403 admin-disabled).
 */
@ApplicationScoped
public class AdminGuard {

    @Inject
    @ConfigProperty(name = "cardvault.admin.key")
    Optional<String> configuredKey;

    private final AtomicReference<String> demoKey = new AtomicReference<>();

    public void useDemoKey(String key) {
        demoKey.set(key);
    }

    public Optional<String> effectiveKey() {
        return configuredKey.filter(k -> !k.isBlank()).or(() -> Optional.ofNullable(demoKey.get()));
    }

    public boolean hasConfiguredKey() {
        return configuredKey.filter(k -> !k.isBlank()).isPresent();
    }

    public void check(String presented) {
        String expected =
                effectiveKey()
                        .orElseThrow(
                                () ->
                                        new ProblemException(
                                                TenantProblem.ADMIN_DISABLED,
                                                "the admin API is disabled: set cardvault.admin.key (env CARDVAULT_ADMIN_KEY) to enable it"));
        if (presented == null || presented.isBlank()) {
            throw new ProblemException(
                    TenantProblem.UNAUTHENTICATED,
                    "send the operator key in the x-admin-key header");
        }
        byte[] a = ApiKeys.hash(presented.strip()).getBytes(StandardCharsets.US_ASCII);
        byte[] b = ApiKeys.hash(expected).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(a, b)) {
            throw new ProblemException(TenantProblem.UNAUTHENTICATED, "the admin key is not valid");
        }
    }
}
