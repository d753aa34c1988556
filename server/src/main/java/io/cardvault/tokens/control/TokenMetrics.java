package io.cardvault.tokens.control;

import io.cardvault.platform.control.Counters;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * The vault's gauge: how many CVCs the in-memory store holds (a count only, never a value or a
 * token id). Tokenizations and rate-limit rejections are counted where they happen.
 */
@ApplicationScoped
public class TokenMetrics {

    public static final String TOKENIZATIONS = "cardvault_tokenizations";
    public static final String RATE_LIMITED = Counters.RATE_LIMIT_REJECTIONS;

    @Inject CvcStore cvcStore;

    void register(
            @Observes
                    @Priority(Interceptor.Priority.APPLICATION + 300)
                    @Initialized(ApplicationScoped.class)
                    Object applicationStarted) {
        Counters.gauge("cardvault_cvc_store_entries", cvcStore::size);
        Counters.declare(RATE_LIMITED, "operation", "tokenize");
    }
}
