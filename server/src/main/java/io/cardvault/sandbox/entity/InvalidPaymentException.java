package io.cardvault.sandbox.entity;

/**
 * A request the sandbox cannot process (HTTP 400). The message is shown to the caller, so it names
 * the field and the rule but never contains card data.
 */
public class InvalidPaymentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public InvalidPaymentException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
