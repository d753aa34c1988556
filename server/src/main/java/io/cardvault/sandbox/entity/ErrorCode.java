package io.cardvault.sandbox.entity;

import java.util.Locale;

/** Why the sandbox refused to process a request at all; each answers HTTP 400. */
public enum ErrorCode {
    INVALID_NUMBER,
    INVALID_EXPIRY,
    INVALID_CVC,
    INVALID_AMOUNT,
    INVALID_REQUEST;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
