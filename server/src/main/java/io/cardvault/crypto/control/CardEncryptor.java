package io.cardvault.crypto.control;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Encrypts a token's card payload so that it only decrypts in its own row: the associated data is
 * the tenant id plus the token id, and a ciphertext copied to another token or tenant fails.
 */
public final class CardEncryptor {

    private static final String CONTEXT = "cardvault/card/v1";

    private final Aead aead;

    public CardEncryptor(Aead aead) {
        this.aead = aead;
    }

    public byte[] encrypt(byte[] plaintext, String tenantId, String tokenId) {
        try {
            return aead.encrypt(plaintext, associatedData(tenantId, tokenId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed");
        }
    }

    public byte[] decrypt(byte[] ciphertext, String tenantId, String tokenId) {
        try {
            return aead.decrypt(ciphertext, associatedData(tenantId, tokenId));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new DecryptionFailedException();
        }
    }

    static byte[] associatedData(String tenantId, String tokenId) {
        return (CONTEXT + "|" + tenantId + "|" + tokenId).getBytes(StandardCharsets.UTF_8);
    }
}
