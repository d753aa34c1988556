package io.cardvault.forwarding.control;

import io.cardvault.platform.control.Jdbc;
import io.cardvault.tenants.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit trail of forwards and their previews (marked {@code preview}): who, which token,
 * method, destination host and path (no query: it may carry card data), status, duration and the
 * proxy's error code. Never bodies or header values.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

    public record Entry(
            String forwardId,
            TenantId tenantId,
            String tokenId,
            String method,
            String host,
            String path,
            int status,
            long durationMillis,
            String errorCode,
            long createdAt,
            boolean preview) {}

    @Inject Jdbc jdbc;

    public void record(Entry e) {
        try {
            jdbc.append(
                    "insert into forward_audit (id, tenant_id, token_id, method, destination_host, destination_path, status,"
                            + " duration_ms, error_code, created_at, preview) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    e.forwardId(),
                    e.tenantId().value(),
                    e.tokenId(),
                    e.method(),
                    truncate(e.host(), 255),
                    truncate(e.path(), 2000),
                    e.status(),
                    e.durationMillis(),
                    e.errorCode(),
                    e.createdAt(),
                    e.preview());
        } catch (RuntimeException failure) {
            LOG.log(
                    Level.SEVERE,
                    "could not write the audit record of forward {0}: {1}",
                    new Object[] {e.forwardId(), failure.getClass().getSimpleName()});
        }
    }

    public List<Entry> recent(TenantId tenantId, int limit) {
        return jdbc.query(
                "select * from forward_audit where tenant_id = ? order by created_at desc limit "
                        + Math.min(limit, 1000),
                rs ->
                        new Entry(
                                rs.getString("id"),
                                new TenantId(rs.getString("tenant_id")),
                                rs.getString("token_id"),
                                rs.getString("method"),
                                rs.getString("destination_host"),
                                rs.getString("destination_path"),
                                rs.getInt("status"),
                                rs.getLong("duration_ms"),
                                rs.getString("error_code"),
                                rs.getLong("created_at"),
                                rs.getBoolean("preview")),
                tenantId.value());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
