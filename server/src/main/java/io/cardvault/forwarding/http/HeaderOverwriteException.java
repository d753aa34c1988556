package io.cardvault.forwarding.http;

/**
 * A malformed {@code x-<own>-name}/{@code x-<own>-value} overwrite pair; answered as 400 {@code
 * invalid-header-overwrite}. The message names headers, never their values.
 */
public final class HeaderOverwriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HeaderOverwriteException(String reason) {
        super(reason);
    }
}
