package io.cardvault.tokens.control;

import io.cardvault.cards.entity.CardNumber;
import io.cardvault.platform.control.Counters;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.entity.TenantId;
import io.cardvault.tokens.entity.TokenProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stops the fingerprint oracle (issue 10 #1, docs/security.md): whoever knows a stored card's BIN,
 * last 4 and fingerprint could tokenize guesses for the middle digits and compare fingerprints.
 * Every such guess shares the stored card's BIN and last 4, so a tenant may tokenize at most {@code
 * cardvault.tokenize.max-same-bin-last4-per-hour} cards (default 10) with one BIN + last 4 in any
 * hour; the next is {@code 429 card-guessing-suspected} with {@code Retry-After} and an audit alert
 * in the log. Counted in the database, so the limit holds across nodes and restarts, and deleted
 * tokens count too. Guesses within one process are serialised per BIN + last 4, so parallel
 * requests cannot overshoot. A legitimate shop rarely sees ten different cards with the same BIN
 * and last 4 in an hour; repeat tokenizations of one card count as well, by design (a distinct-card
 * count would itself answer "is this guess the stored card?").
 *
 * <p>The published test card numbers of the card schemes and PSPs ({@link #PUBLIC_TEST_CARDS}) are
 * never refused: guessing one reveals nothing, and test suites and the demo tokenize them all day.
 * They still count, so real cards sharing their BIN and last 4 stay limited.
 */
@ApplicationScoped
public class CardGuessingGuard {

    private static final Logger AUDIT = Logger.getLogger("io.cardvault.audit");
    static final Duration WINDOW = Duration.ofHours(1);
    private static final Object[] STRIPES = new Object[64];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new Object();
        }
    }

    static final Set<String> PUBLIC_TEST_CARDS =
            Set.of(
                    "4111111111111111",
                    "4242424242424242",
                    "4000056655665556",
                    "4000000000000002",
                    "4000000000000069",
                    "4000000000000127",
                    "4000000000009995",
                    "5555555555554444",
                    "5105105105105100",
                    "378282246310005",
                    "371449635398431",
                    "6011111111111117",
                    "6200000000000005",
                    "3566002020360505",
                    "30569309025904",
                    "6759649826438453");

    @Inject TokenStore store;

    @Inject
    @ConfigProperty(name = "cardvault.tokenize.max-same-bin-last4-per-hour", defaultValue = "10")
    int maxPerHour;

    Clock clock = Clock.systemUTC();

    /**
     * Runs {@code insert} unless the budget is used up, holding a per-(tenant, BIN, last 4) stripe
     * lock across count and insert; across nodes the overshoot is at most one per node.
     */
    public void guarded(TenantId tenant, CardNumber pan, Runnable insert) {
        String bin = pan.bin();
        String last4 = pan.last4();
        if (maxPerHour <= 0 || PUBLIC_TEST_CARDS.contains(pan.revealDigits())) {
            insert.run();
            return;
        }
        synchronized (STRIPES[Math.floorMod((tenant.value() + bin + last4).hashCode(), 64)]) {
            Instant now = clock.instant();
            long recent = store.countSameBinLast4(tenant, bin, last4, now.minus(WINDOW));
            if (recent >= maxPerHour) {
                alert(tenant, bin, last4, recent);
                throw ProblemException.limited(
                        TokenProblem.CARD_GUESSING_SUSPECTED,
                        "too many cards with this BIN and last 4 in the last hour; retry later",
                        Duration.ofMinutes(10));
            }
            insert.run();
        }
    }

    private void alert(TenantId tenant, String bin, String last4, long recent) {
        AUDIT.warning(
                () ->
                        "AUDIT card-guessing-suspected tenant="
                                + tenant.value()
                                + " bin="
                                + bin
                                + " last4="
                                + last4
                                + " tokenizations-last-hour="
                                + recent
                                + " (refused)");
        Counters.increment("cardvault_card_guessing_refused_total");
    }
}
