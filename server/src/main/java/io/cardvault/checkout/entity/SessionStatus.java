package io.cardvault.checkout.entity;

import java.util.Locale;

/** A session is open until it completes (once) or its 30 minutes run out. */
public enum SessionStatus {
    OPEN,
    COMPLETE,
    EXPIRED;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
