package io.cardvault.sandbox.entity;

import java.util.Locale;

/** Why the sandbox declined a payment; each answers HTTP 402. */
public enum DeclineCode {
    CARD_DECLINED,
    INSUFFICIENT_FUNDS,
    EXPIRED_CARD,
    INCORRECT_CVC,
    AMOUNT_TOO_LARGE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
