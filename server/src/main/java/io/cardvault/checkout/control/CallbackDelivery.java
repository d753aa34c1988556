package io.cardvault.checkout.control;

import io.cardvault.checkout.entity.Delivery;
import io.cardvault.egress.control.DestinationPolicy;
import io.cardvault.egress.entity.Destination;
import io.cardvault.tenants.control.TenantRegistry;
import io.cardvault.tenants.entity.Tenant;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.net.Inet6Address;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers the callback outbox: on the node holding the lease, every due event is POSTed, signed,
 * to its callback URL (address checked again, redirects not followed, a bounded timeout); a 2xx
 * delivers it, anything else schedules a retry with backoff and jitter until 24 hours after the
 * event. Every attempt is recorded; bodies never are, nor logged.
 */
@ApplicationScoped
public class CallbackDelivery {

    private static final Logger LOG = Logger.getLogger(CallbackDelivery.class.getName());
    static final String LEASE = "checkout-callbacks";
    static final Duration LEASE_TTL = Duration.ofSeconds(60);

    /** The container's default managed scheduler; a private daemon thread where there is none. */
    private ScheduledExecutorService scheduler;

    private boolean ownScheduler;

    @Inject CallbackOutbox outbox;

    @Inject CheckoutLeases leases;

    @Inject TenantRegistry tenants;

    @Inject DestinationPolicy policy;

    @Inject
    @ConfigProperty(name = "cardvault.checkout.callback.timeout", defaultValue = "PT10S")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "cardvault.checkout.callback.poll", defaultValue = "PT1S")
    Duration poll;

    @Inject
    @ConfigProperty(name = "cardvault.checkout.callback.backoff", defaultValue = "PT10S")
    Duration backoffBase;

    private final String node = UUID.randomUUID().toString();
    private HttpClient client;
    private Backoff backoff;
    private ScheduledFuture<?> task;

    void start(
            @Observes
                    @Priority(Interceptor.Priority.APPLICATION + 500)
                    @Initialized(ApplicationScoped.class)
                    Object applicationStarted) {
        client =
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(timeout)
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
        backoff =
                new Backoff(
                        backoffBase, Duration.ofHours(1), ThreadLocalRandom.current()::nextDouble);
        scheduler = scheduler();
        task =
                scheduler.scheduleWithFixedDelay(
                        this::round, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
        if (ownScheduler) {
            scheduler.shutdownNow();
        }
    }

    private ScheduledExecutorService scheduler() {
        try {
            return InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
        } catch (NamingException | RuntimeException e) {
            LOG.log(Level.INFO, "no managed scheduler; callbacks use a thread of their own");
            ownScheduler = true;
            return Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "cardvault-callbacks");
                        t.setDaemon(true);
                        return t;
                    });
        }
    }

    /** One round: take or renew the lease, then deliver what is due. Never throws. */
    void round() {
        try {
            if (!leases.acquire(LEASE, node, Instant.now(), LEASE_TTL)) {
                return;
            }
            for (CallbackOutbox.Event e : outbox.due(Instant.now(), 20)) {
                if (!leases.acquire(LEASE, node, Instant.now(), LEASE_TTL)) {
                    return;
                }
                deliver(e);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "callback delivery round failed: {0}", e.getClass().getName());
        }
    }

    void deliver(CallbackOutbox.Event e) {
        int attempt = e.attempts() + 1;
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        Optional<Integer> status = Optional.empty();
        Optional<String> error;
        try {
            Optional<Tenant> tenant = tenants.find(e.tenantId());
            Optional<String> secret = tenants.callbackSecret(e.tenantId());
            if (tenant.isEmpty() || secret.isEmpty()) {
                error = Optional.of("no-callback-secret");
            } else {
                Destination d =
                        policy.checkAgainst(
                                e.callbackUrl().split("[?#]", 2)[0],
                                CheckoutSessions.callbackPatterns(tenant.get()));
                int code = send(e, d, secret.get());
                status = Optional.of(code);
                error =
                        code >= 200 && code < 300
                                ? Optional.empty()
                                : code >= 300 && code < 400
                                        ? Optional.of("redirect-not-followed")
                                        : Optional.of("http-status");
            }
        } catch (TimeoutException ex) {
            error = Optional.of("timeout");
        } catch (io.cardvault.egress.entity.DestinationNotAllowedException ex) {
            error = Optional.of("destination-not-allowed");
        } catch (io.cardvault.egress.entity.DestinationUnresolvableException ex) {
            error = Optional.of("unresolvable");
        } catch (ExecutionException | RuntimeException ex) {
            error = Optional.of("unreachable");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            error = Optional.of("interrupted");
        }
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        boolean delivered = error.isEmpty();
        Optional<Instant> retryAt = delivered ? Optional.empty() : retryAt(e, attempt);
        outbox.recorded(
                e,
                new Delivery(e.id(), e.type(), attempt, started, status, millis, error),
                delivered,
                retryAt);
        LOG.log(
                Level.FINE,
                "callback {0} attempt {1}: {2}",
                new Object[] {e.id(), attempt, delivered ? "delivered" : error.get()});
    }

    private Optional<Instant> retryAt(CallbackOutbox.Event e, int attempt) {
        Instant now = Instant.now();
        if (!now.isBefore(e.giveUpAt())) {
            return Optional.empty();
        }
        Instant next = now.plus(backoff.after(attempt));
        return Optional.of(next.isAfter(e.giveUpAt()) ? e.giveUpAt() : next);
    }

    private int send(CallbackOutbox.Event e, Destination d, String secret)
            throws ExecutionException, InterruptedException, TimeoutException {
        long t = Instant.now().getEpochSecond();
        HttpRequest.Builder b =
                HttpRequest.newBuilder(target(d, e.callbackUrl()))
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "cardvault-callbacks/1")
                        .header(
                                CallbackSigner.HEADER,
                                CallbackSigner.header(secret, t, e.payload()))
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        e.payload(), StandardCharsets.UTF_8));
        if (!d.https() && !isLiteral(d.host())) {
            b.header("Host", d.uri().getRawAuthority());
        }
        CompletableFuture<HttpResponse<Void>> future =
                client.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding());
        try {
            return future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS).statusCode();
        } catch (TimeoutException ex) {
            future.cancel(true);
            throw ex;
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof java.net.http.HttpTimeoutException) {
                throw new TimeoutException("callback timed out");
            }
            throw ex;
        }
    }

    /** Plain http goes to the checked address (no second lookup); https needs the name. */
    private static URI target(Destination d, String url) {
        if (d.https() || isLiteral(d.host())) {
            return URI.create(url);
        }
        URI u = URI.create(url);
        String ip = d.address().getHostAddress();
        String host =
                d.address() instanceof Inet6Address ? "[" + ip.replaceAll("%.*$", "") + "]" : ip;
        return URI.create(
                u.getScheme()
                        + "://"
                        + host
                        + (u.getPort() == -1 ? "" : ":" + u.getPort())
                        + (u.getRawPath() == null || u.getRawPath().isEmpty()
                                ? "/"
                                : u.getRawPath())
                        + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
    }

    private static boolean isLiteral(String host) {
        return host.startsWith("[")
                || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }
}
