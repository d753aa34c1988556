package io.cardvault.idempotency.control;

import io.cardvault.idempotency.entity.IdempotencyProblem;
import io.cardvault.platform.control.Jdbc;
import io.cardvault.platform.entity.CommonProblem;
import io.cardvault.platform.entity.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} bookkeeping: per tenant and scope, a key maps to a keyed digest of the
 * request (never the request itself) and a reference to the result, for 24 hours.
 */
@ApplicationScoped
public class IdempotencyRecords {

    public static final Duration RETENTION = Duration.ofHours(24);

    @Inject Jdbc jdbc;

    public record Outcome(String reference, boolean replayed) {}

    /**
     * Runs {@code action} once per key: a repeat with the same digest returns the first reference,
     * a repeat with a different digest is a 409.
     */
    public Outcome once(
            String tenantId, String scope, String key, String digest, Supplier<String> action) {
        validate(key);
        jdbc.update(
                "delete from idempotency_keys where tenant_id = ? and scope = ? and idem_key = ? and created_at <= ?",
                tenantId,
                scope,
                key,
                System.currentTimeMillis() - RETENTION.toMillis());
        Optional<String[]> existing = find(tenantId, scope, key);
        if (existing.isPresent()) {
            return replay(existing.get(), digest);
        }
        String reference = action.get();
        boolean inserted =
                jdbc.insertIgnoringDuplicate(
                        "insert into idempotency_keys (tenant_id, scope, idem_key, request_digest, reference, created_at) values (?, ?, ?, ?, ?, ?)",
                        tenantId,
                        scope,
                        key,
                        digest,
                        reference,
                        System.currentTimeMillis());
        if (!inserted) {
            return replay(find(tenantId, scope, key).orElseThrow(), digest);
        }
        return new Outcome(reference, false);
    }

    public static void validate(String key) {
        if (key.isEmpty()
                || key.length() > 255
                || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ProblemException(
                    CommonProblem.MALFORMED_REQUEST,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
    }

    private static Outcome replay(String[] row, String digest) {
        if (!row[0].equals(digest)) {
            throw new ProblemException(
                    IdempotencyProblem.IDEMPOTENCY_CONFLICT,
                    "this Idempotency-Key was used with a different request in the last 24 hours");
        }
        return new Outcome(row[1], true);
    }

    private Optional<String[]> find(String tenantId, String scope, String key) {
        long cutoff = System.currentTimeMillis() - RETENTION.toMillis();
        return jdbc.queryOne(
                "select request_digest, reference from idempotency_keys where tenant_id = ? and scope = ? and idem_key = ? and created_at > ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)},
                tenantId,
                scope,
                key,
                cutoff);
    }

    /** Expired records are removed so a key can be reused after 24 hours. */
    public void purgeExpired() {
        jdbc.update(
                "delete from idempotency_keys where created_at <= ?",
                System.currentTimeMillis() - RETENTION.toMillis());
    }
}
