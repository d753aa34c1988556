package io.cardvault.crypto.control;

/**
 * The key material cannot be opened or changed as asked. The message is meant for the operator
 * reading the start-up log; it never contains key material.
 */
public final class KeyringException extends IllegalStateException {

    public KeyringException(String message) {
        super(message);
    }
}
