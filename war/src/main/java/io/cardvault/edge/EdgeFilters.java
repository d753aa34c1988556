package io.cardvault.edge;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.glassfish.grizzly.Processor;
import org.glassfish.grizzly.Transport;
import org.glassfish.grizzly.filterchain.DefaultFilterChain;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.http.server.HttpServerFilter;

/**
 * Gives every HTTP listener of the running Payara Micro a filter chain with an {@link
 * ArrivalTimeFilter} and a {@link StrayPercentFilter} just before Grizzly's {@link
 * HttpServerFilter}, and its transport the {@link ReadReadyProbe} that the arrival stamp reads.
 * Called once by the bundle's launcher after Payara Micro has booted. Payara's own types are
 * reached by reflection (they are not a compile dependency): {@code Globals} gives the service
 * locator, its {@code GrizzlyService} holds one proxy per network listener, each proxy its Grizzly
 * listener, whose transport runs the chain.
 */
public final class EdgeFilters {

    private EdgeFilters() {}

    /** Returns how many listeners got the filter (0: nothing found, which the caller reports). */
    public static int install() throws ReflectiveOperationException {
        ClassLoader loader = EdgeFilters.class.getClassLoader();
        Object locator =
                Class.forName("org.glassfish.internal.api.Globals", true, loader)
                        .getMethod("getDefaultHabitat")
                        .invoke(null);
        if (locator == null) {
            return 0;
        }
        Class<?> grizzlyService =
                Class.forName("com.sun.enterprise.v3.services.impl.GrizzlyService", true, loader);
        Object service =
                Class.forName("org.glassfish.hk2.api.ServiceLocator", true, loader)
                        .getMethod("getService", Class.class, Annotation[].class)
                        .invoke(locator, grizzlyService, new Annotation[0]);
        if (service == null) {
            return 0;
        }
        int installed = 0;
        for (Object proxy : (Collection<?>) field(service, "proxies")) {
            Object listener = field(proxy, "grizzlyListener");
            if (listener != null
                    && listener.getClass().getMethod("getTransport").invoke(listener)
                            instanceof Transport transport
                    && equip(transport)) {
                installed++;
            }
        }
        return installed;
    }

    /**
     * Gives one transport the chain of {@link #withFilter} and the {@link ReadReadyProbe}; false
     * when its chain has no HTTP server or has the filters already.
     */
    static boolean equip(Transport transport) {
        Optional<FilterChain> chain = withFilter(transport.getProcessor());
        if (chain.isEmpty()) {
            return false;
        }
        // connections accepted from now on carry the probe
        transport.getConnectionMonitoringConfig().addProbes(ReadReadyProbe.INSTANCE);
        transport.setProcessor(chain.get());
        return true;
    }

    /**
     * A new chain: the same filters, and the {@link ArrivalTimeFilter} and the {@link
     * StrayPercentFilter} just before the {@link HttpServerFilter}; empty if the chain has no such
     * filter or has this one already. The running chain is never changed: a Grizzly chain keeps
     * per-connection state in arrays sized to it and indexed by position, so a filter inserted into
     * it would break every kept-alive connection (their next request failed with no answer). The
     * transport hands each connection's next event to the new chain, which keeps its own
     * per-connection state; work already running in the old chain finishes there.
     */
    static Optional<FilterChain> withFilter(Processor<?> processor) {
        if (!(processor instanceof FilterChain chain)
                || chain.indexOfType(StrayPercentFilter.class) >= 0) {
            return Optional.empty();
        }
        int server = chain.indexOfType(HttpServerFilter.class);
        if (server < 0) {
            return Optional.empty();
        }
        List<Filter> filters = new ArrayList<>(chain);
        filters.add(server, new StrayPercentFilter());
        filters.add(server, new ArrivalTimeFilter());
        return Optional.of(new DefaultFilterChain(filters));
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(owner);
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(owner.getClass().getName() + "." + name);
    }
}
