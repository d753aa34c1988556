package io.cardvault.platform.control;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * Application counters in the MicroProfile Metrics registry where the server has it (Payara), a
 * no-op where it has not (WildFly 39): no bean that counts names a Metrics type in a field or
 * signature, so the WAR deploys without the API. Counter names never carry card data, token ids or
 * keys.
 */
public final class Counters {

    private static final Map<String, Runnable> COUNTERS = new ConcurrentHashMap<>();

    private Counters() {}

    public static void increment(String name) {
        COUNTERS.computeIfAbsent(name, Counters::lookUp).run();
    }

    private static Runnable lookUp(String name) {
        try {
            Instance<Registry> registry = CDI.current().select(Registry.class);
            if (registry.isResolvable()) {
                return registry.get().metrics.counter(name)::inc;
            }
        } catch (LinkageError | IllegalStateException noMetrics) {
            // no MicroProfile Metrics on this server, or no CDI container (unit tests)
        }
        return () -> {};
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
    }
}
