package io.cardvault.platform.control;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * Application metrics (counters, timers with their latency distribution, gauges) in the
 * MicroProfile Metrics registry where the server has it (Payara), a no-op where it has not (WildFly
 * 39): no bean that measures names a Metrics type in a field or signature, so the WAR deploys
 * without the API. Names and tag values never carry card data, token ids or keys: tags are closed
 * sets (status classes, outcomes) or a destination host the tenant allowed.
 *
 * <p>Tags are given as name/value pairs: {@code record("cardvault_forwards", nanos, "host", h,
 * "status", "2xx")}.
 */
public final class Counters {

    /**
     * Requests refused by a limit, tagged {@code operation} ({@code tokenize}: the tokenization
     * rate limits; {@code forward}: a tenant's concurrent forwards).
     */
    public static final String RATE_LIMIT_REJECTIONS = "cardvault_ratelimit_rejections_total";

    private static final Map<String, Runnable> COUNTERS = new ConcurrentHashMap<>();
    private static final Map<String, LongConsumer> TIMERS = new ConcurrentHashMap<>();

    private Counters() {}

    /** Registers a counter at 0, so that it is scraped before its first event. */
    public static void declare(String name, String... tags) {
        COUNTERS.computeIfAbsent(id(name, tags), k -> counter(name, tags));
    }

    public static void increment(String name, String... tags) {
        COUNTERS.computeIfAbsent(id(name, tags), k -> counter(name, tags)).run();
    }

    /** Adds one observation of {@code nanos} to the timer (count, sum, distribution). */
    public static void record(String name, long nanos, String... tags) {
        timer(name, tags).accept(nanos);
    }

    /**
     * The timer of {@code name} and {@code tags}, registered on first use: call it on a request
     * thread (Payara finds the application's registry only there); the returned timer may be
     * updated from any thread.
     */
    public static LongConsumer timer(String name, String... tags) {
        return TIMERS.computeIfAbsent(id(name, tags), k -> newTimer(name, tags));
    }

    /**
     * Adds one observation of a whole HTTP request to the timer: when the edge filter measures the
     * request ({@link RequestTiming}), from its entry into the server until its response is
     * complete; otherwise (no servlet request on this thread) from {@code startedNanos} until now.
     * The last call for a request wins, so the tags may be the final ones.
     */
    public static void recordRequest(String name, long startedNanos, String... tags) {
        RequestTiming.current()
                .ifPresentOrElse(
                        t -> t.measureAs(name, tags),
                        () -> record(name, System.nanoTime() - startedNanos, tags));
    }

    /**
     * Registers a gauge read from {@code value} at every scrape (once per name and tags; later
     * calls keep the first supplier).
     */
    public static void gauge(String name, Supplier<? extends Number> value, String... tags) {
        COUNTERS.computeIfAbsent("gauge:" + id(name, tags), k -> registerGauge(name, value, tags));
    }

    /**
     * The status class of an HTTP status for a tag: {@code 2xx} … {@code 5xx}, else {@code other}.
     */
    public static String statusClass(int status) {
        return status >= 100 && status < 600 ? (status / 100) + "xx" : "other";
    }

    private static String id(String name, String[] tags) {
        return tags.length == 0 ? name : name + String.join("\u0000", tags);
    }

    private static Runnable counter(String name, String[] tags) {
        Registry r = registry();
        return r == null ? () -> {} : r.counter(name, tags);
    }

    private static LongConsumer newTimer(String name, String[] tags) {
        Registry r = registry();
        return r == null ? nanos -> {} : r.timer(name, tags);
    }

    private static Runnable registerGauge(
            String name, Supplier<? extends Number> value, String[] tags) {
        Registry r = registry();
        if (r != null) {
            r.gauge(name, value, tags);
        }
        return () -> {};
    }

    private static Registry registry() {
        try {
            Instance<Registry> registry = CDI.current().select(Registry.class);
            return registry.isResolvable() ? registry.get() : null;
        } catch (LinkageError | IllegalStateException noMetrics) {
            // no MicroProfile Metrics on this server, or no CDI container (unit tests)
            return null;
        }
    }

    /**
     * A bean only where the server has MicroProfile Metrics: elsewhere CDI skips the class, whose
     * field type is missing. Injected into a field because Payara's registry producer needs a real
     * injection point.
     */
    @Dependent
    static class Registry {
        @Inject
        @RegistryType(type = MetricRegistry.Type.APPLICATION)
        MetricRegistry metrics;

        Runnable counter(String name, String[] tags) {
            return metrics.counter(name, tags(tags))::inc;
        }

        LongConsumer timer(String name, String[] tags) {
            Timer t = metrics.timer(name, tags(tags));
            return nanos -> t.update(Duration.ofNanos(nanos));
        }

        void gauge(String name, Supplier<? extends Number> value, String[] tags) {
            metrics.gauge(name, value, tags(tags));
        }

        private static Tag[] tags(String[] pairs) {
            if (pairs.length % 2 != 0) {
                throw new IllegalArgumentException("tags come in name/value pairs");
            }
            Tag[] tags = new Tag[pairs.length / 2];
            for (int i = 0; i < tags.length; i++) {
                String v = pairs[2 * i + 1];
                tags[i] = new Tag(pairs[2 * i], v == null || v.isEmpty() ? "none" : v);
            }
            return tags;
        }
    }
}
