package io.cardvault.checkout.control;

import io.cardvault.checkout.entity.CheckoutProblem;
import io.cardvault.checkout.entity.CheckoutSession;
import io.cardvault.checkout.entity.CheckoutSessionId;
import io.cardvault.checkout.entity.Delivery;
import io.cardvault.checkout.entity.NewSession;
import io.cardvault.checkout.entity.SessionCard;
import io.cardvault.checkout.entity.SessionStatus;
import io.cardvault.egress.control.DestinationPolicy;
import io.cardvault.egress.entity.DestinationNotAllowedException;
import io.cardvault.egress.entity.DestinationPattern;
import io.cardvault.egress.entity.DestinationUnresolvableException;
import io.cardvault.platform.control.Jdbc;
import io.cardvault.platform.control.JsonFactories;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.entity.Tenant;
import io.cardvault.tenants.entity.TenantId;
import io.cardvault.tokens.control.TokenVault;
import io.cardvault.tokens.entity.StoredToken;
import io.cardvault.tokens.entity.TokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checkout sessions: created by a merchant's backend, open for 30 minutes, completed once by the
 * hosted page with a token of the session's tenant. Completion and its callback event are written
 * in one transaction, so no completed session is without its callback.
 */
@ApplicationScoped
public class CheckoutSessions {

    public static final Duration LIFETIME = Duration.ofMinutes(30);
    public static final String COMPLETED = "checkout.session.completed";

    @Inject CheckoutSessionStore store;

    @Inject CallbackOutbox outbox;

    @Inject DestinationPolicy policy;

    @Inject TokenVault vault;

    @Inject Jdbc jdbc;

    @Inject
    @ConfigProperty(name = "cardvault.public-url")
    String publicUrl;

    Clock clock = Clock.systemUTC();

    public CheckoutSession create(Tenant tenant, JsonObject json) {
        NewSession request =
                new SessionRequestValidator(
                                tenant.allowedOrigins(), url -> callbackProblem(url, tenant))
                        .validate(json);
        Instant now = clock.instant();
        CheckoutSession s =
                new CheckoutSession(
                        CheckoutSessionId.random(),
                        tenant.id(),
                        request,
                        SessionStatus.OPEN,
                        Optional.empty(),
                        Optional.empty(),
                        now,
                        now.plus(LIFETIME),
                        Optional.empty());
        store.insert(s);
        return s;
    }

    /** The tenant's own session; another tenant's is as unknown as a missing one. */
    public CheckoutSession require(TenantId tenantId, String rawId) {
        return find(rawId).filter(s -> s.tenantId().equals(tenantId)).orElseThrow(this::notFound);
    }

    /** Any session by id: for the hosted page, for which the id is the capability. */
    public Optional<CheckoutSession> find(String rawId) {
        return CheckoutSessionId.parse(rawId).flatMap(store::find);
    }

    /**
     * Completes an open session with a token of its tenant, once: of two simultaneous calls one
     * wins, the other gets 409. The callback event is written in the same transaction.
     */
    public CheckoutSession complete(String rawId, String rawTokenId) {
        CheckoutSession s = find(rawId).orElseThrow(this::notFound);
        StoredToken token =
                TokenId.parse(rawTokenId)
                        .flatMap(id -> vault.find(s.tenantId(), id))
                        .orElseThrow(TokenVault::notFound);
        Instant now = clock.instant();
        if (s.statusAt(now) != SessionStatus.OPEN || token.createdAt().isBefore(s.createdAt())) {
            throw notOpen(s, now);
        }
        SessionCard card =
                new SessionCard(
                        token.brand().id(), token.last4(), token.expiryMonth(), token.expiryYear());
        return jdbc.inTransaction(
                () -> {
                    if (!store.complete(s.id(), token.id().value(), card, now)) {
                        throw notOpen(s, now);
                    }
                    CheckoutSession done = store.find(s.id()).orElseThrow();
                    done.request()
                            .callbackUrl()
                            .ifPresent(
                                    url ->
                                            outbox.add(
                                                    done.id(),
                                                    done.tenantId(),
                                                    COMPLETED,
                                                    callbackBody(done, now),
                                                    url,
                                                    now));
                    return done;
                });
    }

    public List<Delivery> deliveries(CheckoutSession s) {
        return outbox.deliveries(s.id());
    }

    public List<String[]> events(CheckoutSession s) {
        return outbox.events(s.id());
    }

    public JsonObject json(CheckoutSession s) {
        return SessionJson.of(s, publicUrl, clock.instant());
    }

    public String publicUrl() {
        return publicUrl;
    }

    private String callbackBody(CheckoutSession s, Instant now) {
        return JsonFactories.objectBuilder()
                .add("type", COMPLETED)
                .add("session", SessionJson.of(s, publicUrl, now))
                .build()
                .toString();
    }

    /**
     * A callback URL must be on an allowed origin or match an allowed destination, and its address
     * must pass the forward's checks (no loopback or private address unless a pattern names it).
     */
    Optional<String> callbackProblem(String url, Tenant tenant) {
        try {
            policy.checkAgainst(url.split("[?#]", 2)[0], callbackPatterns(tenant));
            return Optional.empty();
        } catch (DestinationNotAllowedException e) {
            return Optional.of(
                    "callbackUrl must be on an allowed origin or destination, at an allowed address");
        } catch (DestinationUnresolvableException e) {
            return Optional.of("the callbackUrl host could not be resolved");
        }
    }

    static List<DestinationPattern> callbackPatterns(Tenant tenant) {
        List<DestinationPattern> patterns = new ArrayList<>(tenant.destinationPatterns());
        for (String origin : tenant.allowedOrigins()) {
            try {
                patterns.add(DestinationPattern.parse(origin));
            } catch (RuntimeException e) {
                // an origin that is not also a valid pattern allows no callbacks
            }
        }
        return patterns;
    }

    private ProblemException notFound() {
        return new ProblemException(
                CheckoutProblem.CHECKOUT_SESSION_NOT_FOUND, "no checkout session with this id");
    }

    private static ProblemException notOpen(CheckoutSession s, Instant now) {
        return new ProblemException(
                CheckoutProblem.CHECKOUT_SESSION_NOT_OPEN,
                "the checkout session is " + s.statusAt(now).json() + " and cannot be paid");
    }
}
