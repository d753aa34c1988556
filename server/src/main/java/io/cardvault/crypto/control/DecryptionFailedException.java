package io.cardvault.crypto.control;

/** Decryption failed; deliberately says nothing about why (tamper, wrong key or wrong row). */
public final class DecryptionFailedException extends RuntimeException {

    public DecryptionFailedException() {
        super("ciphertext could not be decrypted");
    }
}
