package io.cardvault.sandbox.entity;

import java.util.Locale;

/**
 * The outcome of a sandbox payment as it appears on the wire ({@code approved}, {@code declined}).
 */
public enum PaymentStatus {
    APPROVED,
    DECLINED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
