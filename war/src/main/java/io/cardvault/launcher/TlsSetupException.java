package io.cardvault.launcher;

/** A TLS file problem that stops the start-up with one clear line, never a stack trace. */
public final class TlsSetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TlsSetupException(String message) {
        super(message, null, false, false);
    }
}
