package io.cardvault.idempotency.control;

import io.cardvault.idempotency.entity.IdempotencyKey;
import io.cardvault.platform.control.Jdbc;
import io.cardvault.tenants.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/** The {@code idempotency_records} table. The only SQL for idempotency. */
@ApplicationScoped
public class IdempotencyStore {

    /** One record: the request's keyed digest, whether it is done, and its result. */
    public record Row(String digest, boolean done, String result) {}

    @Inject Jdbc jdbc;

    public Optional<Row> find(
            TenantId tenant, String scope, IdempotencyKey key, Instant notBefore) {
        return jdbc.queryOne(
                "select request_digest, state, result from idempotency_records"
                        + " where tenant_id = ? and scope = ? and idem_key = ? and created_at > ?",
                rs -> new Row(rs.getString(1), "done".equals(rs.getString(2)), rs.getString(3)),
                tenant.value(),
                scope,
                key.value(),
                notBefore.toEpochMilli());
    }

    /** Inserts a record; false when one with this key exists already. */
    public boolean insert(
            TenantId tenant,
            String scope,
            IdempotencyKey key,
            String digest,
            Optional<String> doneResult,
            Optional<String> subject,
            Instant at) {
        return jdbc.insertIgnoringDuplicate(
                "insert into idempotency_records (tenant_id, scope, idem_key, request_digest, state, result, subject, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                tenant.value(),
                scope,
                key.value(),
                digest,
                doneResult.isPresent() ? "done" : "pending",
                doneResult.orElse(null),
                subject.orElse(null),
                at.toEpochMilli());
    }

    public void complete(
            TenantId tenant,
            String scope,
            IdempotencyKey key,
            String result,
            Optional<String> subject) {
        jdbc.update(
                "update idempotency_records set state = 'done', result = ?, subject = ?"
                        + " where tenant_id = ? and scope = ? and idem_key = ?",
                result,
                subject.orElse(null),
                tenant.value(),
                scope,
                key.value());
    }

    public void deletePending(TenantId tenant, String scope, IdempotencyKey key) {
        jdbc.update(
                "delete from idempotency_records where tenant_id = ? and scope = ? and idem_key = ? and state = 'pending'",
                tenant.value(),
                scope,
                key.value());
    }

    public void deleteExpired(TenantId tenant, String scope, IdempotencyKey key, Instant notAfter) {
        jdbc.update(
                "delete from idempotency_records where tenant_id = ? and scope = ? and idem_key = ? and created_at <= ?",
                tenant.value(),
                scope,
                key.value(),
                notAfter.toEpochMilli());
    }

    public int deleteAllExpired(Instant notAfter) {
        return jdbc.update(
                "delete from idempotency_records where created_at <= ?", notAfter.toEpochMilli());
    }

    /** Every record about one subject (a token): deleting a token purges them. */
    public int deleteBySubject(TenantId tenant, String subject) {
        return jdbc.update(
                "delete from idempotency_records where tenant_id = ? and subject = ?",
                tenant.value(),
                subject);
    }
}
