package io.cardvault.forwarding.entity;

/**
 * A {@code cvc} placeholder is used but the token holds no CVC (it is deleted after first use or
 * never collected); answered as 422 {@code cvc-unavailable} before anything is sent.
 */
public final class CvcUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CvcUnavailableException() {
        super("the token has no CVC");
    }
}
