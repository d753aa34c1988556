package io.cardvault.launcher;

import java.lang.reflect.InvocationTargetException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * After Payara Micro has booted, puts cardvault's edge filter ({@code io.cardvault.edge}, in the
 * bundle's {@code MICRO-INF/lib}) into the HTTP listeners. That code is compiled against Grizzly,
 * which only Payara Micro's own class loader sees (the thread's context class loader once it has
 * booted), so it is called by name. A failure costs only that filter: it is logged, and the server
 * keeps running with the container's own answer to such requests.
 */
final class EdgeHook {

    static final String INSTALLER = "io.cardvault.edge.EdgeFilters";

    private static final Logger LOG = Logger.getLogger(EdgeHook.class.getName());

    private EdgeHook() {}

    static void install(ClassLoader payara) {
        try {
            Object n = Class.forName(INSTALLER, true, payara).getMethod("install").invoke(null);
            if (Integer.valueOf(0).equals(n)) {
                LOG.warning(
                        "cardvault: no HTTP listener found for the edge filter: a request path"
                                + " with a stray % gets Payara's empty answer");
            } else {
                LOG.fine(() -> "edge filter installed in " + n + " HTTP listener(s)");
            }
        } catch (InvocationTargetException e) {
            failed(e.getCause());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            failed(e);
        }
    }

    private static void failed(Throwable e) {
        LOG.log(
                Level.WARNING,
                "cardvault: cannot install the edge filter ({0}): a request path with a stray %"
                        + " gets Payara''s empty answer",
                String.valueOf(e));
    }
}
