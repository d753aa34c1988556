package io.cardvault.idempotency.control;

import io.cardvault.idempotency.entity.IdempotencyKey;
import io.cardvault.idempotency.entity.IdempotencyProblem;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The one {@code Idempotency-Key} mechanism, for tokens and forwards. Per tenant and scope, a key
 * maps to a keyed digest of the request (never the request itself) and its result, for 24 hours. A
 * repeat with the same digest gets the first result; with a different digest, or while the first is
 * still in flight, it is 409. Expired records are removed as they are met and, at most every ten
 * minutes, all at once.
 */
@ApplicationScoped
public class Idempotency {

    public static final Duration RETENTION = Duration.ofHours(24);
    static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

    /** What {@link #once} did: the result, and whether it was replayed rather than made now. */
    public record Outcome(String result, boolean replayed) {}

    @Inject IdempotencyStore store;

    Clock clock = Clock.systemUTC();

    private final AtomicLong lastPurge = new AtomicLong();

    /**
     * Runs {@code action} once per key and returns its result; used where the action is local and
     * quick (tokenization). Two racing first calls may both act; the first to record wins and the
     * other replays its result.
     */
    public Outcome once(
            TenantId tenant,
            String scope,
            IdempotencyKey key,
            String digest,
            Supplier<String> action) {
        Instant now = expireFirst(tenant, scope, key);
        Optional<IdempotencyStore.Row> existing = store.find(tenant, scope, key, cutoff(now));
        if (existing.isPresent()) {
            return new Outcome(replayable(existing.get(), digest), true);
        }
        String result = action.get();
        if (store.insert(
                tenant, scope, key, digest, Optional.of(result), Optional.of(result), now)) {
            return new Outcome(result, false);
        }
        return new Outcome(
                replayable(store.find(tenant, scope, key, cutoff(now)).orElseThrow(), digest),
                true);
    }

    /**
     * Claims a key before an action with effects elsewhere (a forward). Empty: the caller owns the
     * key now and must {@link #complete} or {@link #release} it. Present: the stored result.
     */
    public Optional<String> reserve(
            TenantId tenant, String scope, IdempotencyKey key, String digest) {
        Instant now = expireFirst(tenant, scope, key);
        if (store.insert(tenant, scope, key, digest, Optional.empty(), Optional.empty(), now)) {
            return Optional.empty();
        }
        IdempotencyStore.Row row =
                store.find(tenant, scope, key, cutoff(now))
                        .orElseThrow(
                                () ->
                                        new ProblemException(
                                                IdempotencyProblem.IDEMPOTENCY_CONFLICT,
                                                "this Idempotency-Key is being processed; retry"));
        return Optional.of(replayable(row, digest));
    }

    public void complete(
            TenantId tenant,
            String scope,
            IdempotencyKey key,
            String result,
            Optional<String> subject) {
        store.complete(tenant, scope, key, result, subject);
    }

    /** Frees a reserved key when the action had no effect, so the merchant can retry with it. */
    public void release(TenantId tenant, String scope, IdempotencyKey key) {
        store.deletePending(tenant, scope, key);
    }

    /** Forgets every result about {@code subject} (a deleted token). */
    public int forgetSubject(TenantId tenant, String subject) {
        return store.deleteBySubject(tenant, subject);
    }

    private Instant expireFirst(TenantId tenant, String scope, IdempotencyKey key) {
        Instant now = clock.instant();
        store.deleteExpired(tenant, scope, key, cutoff(now));
        long last = lastPurge.get();
        if (now.toEpochMilli() - last > PURGE_INTERVAL.toMillis()
                && lastPurge.compareAndSet(last, now.toEpochMilli())) {
            store.deleteAllExpired(cutoff(now));
        }
        return now;
    }

    private static Instant cutoff(Instant now) {
        return now.minus(RETENTION);
    }

    private static String replayable(IdempotencyStore.Row row, String digest) {
        if (!row.digest().equals(digest)) {
            throw new ProblemException(
                    IdempotencyProblem.IDEMPOTENCY_CONFLICT,
                    "this Idempotency-Key was used with a different request in the last 24 hours");
        }
        if (!row.done()) {
            throw new ProblemException(
                    IdempotencyProblem.IDEMPOTENCY_CONFLICT,
                    "a request with this Idempotency-Key is still in progress");
        }
        return row.result();
    }
}
