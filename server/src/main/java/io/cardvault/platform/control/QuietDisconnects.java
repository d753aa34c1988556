package io.cardvault.platform.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.util.logging.Filter;
import java.util.logging.Logger;

/**
 * A client that goes away while its response is written is not a server error: Jersey's responder
 * logs it as SEVERE with a stack trace ("Error while closing the output stream in order to commit
 * response"), one per disconnect. This drops exactly those records (an I/O failure somewhere in the
 * cause chain); every other record of that logger is kept.
 */
@ApplicationScoped
public class QuietDisconnects {

    static final String JERSEY_RESPONDER = "org.glassfish.jersey.server.ServerRuntime$Responder";

    /** Held here: the log manager keeps loggers only weakly, and with them their filters. */
    private static final Logger RESPONDER = Logger.getLogger(JERSEY_RESPONDER);

    void install(
            @Observes
                    @Priority(Interceptor.Priority.PLATFORM_BEFORE)
                    @Initialized(ApplicationScoped.class)
                    Object applicationStarted) {
        Filter previous = RESPONDER.getFilter();
        RESPONDER.setFilter(
                record ->
                        !clientWentAway(record.getThrown())
                                && (previous == null || previous.isLoggable(record)));
    }

    static boolean clientWentAway(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof java.io.UncheckedIOException) {
                return true;
            }
        }
        return false;
    }
}
