package io.cardvault.tokens.control;

import io.cardvault.platform.control.ExpiringMap;
import io.cardvault.platform.control.Grid;
import io.cardvault.platform.entity.CommonProblem;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.entity.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Card-testing defence: fixed one-minute windows counting tokenizations (and CVC re-collections)
 * per key and, for publishable keys used from browsers, per client address. Over the limit → 429
 * with {@code Retry-After}. Limits come from configuration; 0 disables a limit. In a cluster the
 * counters live in the data grid, so one limit holds across every node.
 */
@ApplicationScoped
public class RateLimiter {

    static final String MAP = "cardvault-ratelimit";

    @Inject Grid grid;

    ExpiringMap windows;

    @Inject
    @ConfigProperty(name = "cardvault.ratelimit.tokenize.per-key", defaultValue = "600")
    int perKey;

    @Inject
    @ConfigProperty(name = "cardvault.ratelimit.tokenize.per-address", defaultValue = "60")
    int perAddress;

    @Inject
    @ConfigProperty(name = "cardvault.ratelimit.tokenize.secret-per-key", defaultValue = "6000")
    int secretPerKey;

    Clock clock = Clock.systemUTC();

    @PostConstruct
    void open() {
        windows = grid.map(MAP);
    }

    public void checkTokenize(Caller caller, String clientAddress) {
        if (caller.isSecret()) {
            hit("sk|" + caller.keyPrefix(), secretPerKey);
            return;
        }
        // per address first: requests one address already exceeded must not use up the key's budget
        hit("ip|" + caller.tenantId() + "|" + clientAddress, perAddress);
        hit("pk|" + caller.keyPrefix(), perKey);
    }

    private void hit(String bucket, int limit) {
        if (limit <= 0) {
            return;
        }
        long nowMillis = clock.millis();
        long minute = nowMillis / 60_000;
        long count = windows.increment(bucket + "|" + minute, Duration.ofMinutes(2));
        if (count > limit) {
            long retryAfter = Math.max(1, ((minute + 1) * 60_000 - nowMillis + 999) / 1000);
            throw ProblemException.limited(
                    CommonProblem.RATE_LIMITED,
                    "too many tokenization requests; retry after " + retryAfter + " s",
                    Duration.ofSeconds(retryAfter));
        }
    }
}
