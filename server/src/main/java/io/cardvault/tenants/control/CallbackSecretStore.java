package io.cardvault.tenants.control;

import io.cardvault.platform.control.Jdbc;
import io.cardvault.tenants.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * The table {@code tenant_callback_secrets}: one HMAC key per tenant that signs its checkout
 * callbacks. It must be readable to sign, so unlike API keys it is not stored as a hash; it is
 * never logged and never shown after it was issued.
 */
@ApplicationScoped
public class CallbackSecretStore {

    static final String PREFIX = "whsec_";

    @Inject Jdbc jdbc;

    static String generate() {
        return PREFIX + ApiKeys.randomBase62(40);
    }

    void replace(TenantId tenantId, String secret, Instant now) {
        int updated =
                jdbc.update(
                        "update tenant_callback_secrets set secret = ?, created_at = ? where tenant_id = ?",
                        secret,
                        now.toEpochMilli(),
                        tenantId.value());
        if (updated == 0) {
            jdbc.update(
                    "insert into tenant_callback_secrets (tenant_id, secret, created_at) values (?, ?, ?)",
                    tenantId.value(),
                    secret,
                    now.toEpochMilli());
        }
    }

    Optional<String> find(TenantId tenantId) {
        return jdbc.queryOne(
                "select secret from tenant_callback_secrets where tenant_id = ?",
                rs -> rs.getString(1),
                tenantId.value());
    }
}
