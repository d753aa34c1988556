package io.cardvault.checkout.control;

import io.cardvault.platform.control.Jdbc;
import io.cardvault.tenants.control.ApiKeys;
import io.cardvault.tenants.control.TenantRegistry;
import io.cardvault.tenants.entity.KeyKind;
import io.cardvault.tenants.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * The table {@code checkout_page_keys}: the publishable key the hosted page mounts a tenant's
 * fields with. A publishable key may only create tokens and is shown in every merchant page anyway,
 * so it is kept readable; a revoked one is replaced on the next page view.
 */
@ApplicationScoped
public class PageKeys {

    @Inject Jdbc jdbc;

    @Inject TenantRegistry registry;

    public String keyFor(TenantId tenantId) {
        Optional<String> stored =
                jdbc.queryOne(
                        "select publishable_key from checkout_page_keys where tenant_id = ?",
                        rs -> rs.getString(1),
                        tenantId.value());
        if (stored.isPresent()
                && registry.authenticate(stored.get())
                        .filter(c -> c.kind() == KeyKind.PUBLISHABLE)
                        .filter(c -> c.tenantId().equals(tenantId))
                        .isPresent()) {
            return stored.get();
        }
        String key = ApiKeys.generate(KeyKind.PUBLISHABLE);
        long now = Instant.now().toEpochMilli();
        jdbc.inTransaction(
                () -> {
                    registry.storeKey(tenantId, KeyKind.PUBLISHABLE, key);
                    if (jdbc.update(
                                    "update checkout_page_keys set publishable_key = ?, created_at = ? where tenant_id = ?",
                                    key,
                                    now,
                                    tenantId.value())
                            == 0) {
                        jdbc.update(
                                "insert into checkout_page_keys (tenant_id, publishable_key, created_at) values (?, ?, ?)",
                                tenantId.value(),
                                key,
                                now);
                    }
                });
        return key;
    }
}
