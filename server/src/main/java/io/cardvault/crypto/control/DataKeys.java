package io.cardvault.crypto.control;

import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Random;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The lowest level of the key hierarchy: one random AES-256-GCM data key (DEK) per token, stored
 * only wrapped by the primary key-encryption key and bound to its tenant and token (a wrapped key
 * copied to another row does not open). Card data and the token's forward replays are encrypted
 * under it. {@link #destroy} deletes the wrapped key: from then on the token's ciphertexts,
 * wherever copies of them survive, are noise to anyone holding the master key.
 */
@ApplicationScoped
public class DataKeys {

    private static final String CONTEXT = "cardvault/dek/v1";

    @Inject Keyring keyring;

    @Inject DataKeyStore store;

    @Inject KeyJobStore jobs;

    /**
     * A new token's data key: the wrapped key, which the token's row stores ({@code kek_id}, {@code
     * wrapped_key}, inserted with the token), and the encryptor for the token's data.
     */
    public record NewKey(DataKeyStore.Row row, CardEncryptor encryptor) {}

    /**
     * Makes a data key for a new token and wraps it; nothing is stored yet. This is the CPU work,
     * done before the transaction so that the token's insert is SQL only.
     */
    public NewKey generate(String tenantId, String tokenId) {
        byte[] dek = Random.randBytes(32);
        try {
            byte[] wrapped = keyring.kek().encrypt(dek, associatedData(tenantId, tokenId));
            return new NewKey(
                    new DataKeyStore.Row(
                            tokenId,
                            tenantId,
                            kekIdOf(wrapped),
                            Base64.getEncoder().encodeToString(wrapped)),
                    encryptor(dek));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("data key wrapping failed");
        } finally {
            Arrays.fill(dek, (byte) 0);
        }
    }

    /** The encryptor of a wrapped key read with its token's row. */
    public CardEncryptor open(DataKeyStore.Row key) {
        return unwrapToEncryptor(key);
    }

    /** Crypto-shredding: the token's data key is gone; true if there was one. */
    public boolean destroy(String tenantId, String tokenId) {
        boolean destroyed = store.delete(tenantId, tokenId);
        if (destroyed) {
            jobs.countDelete();
        }
        return destroyed;
    }

    /** Re-wraps one stored key under the current primary KEK; false when it vanished meanwhile. */
    boolean rewrap(DataKeyStore.Row row, int primaryKekId) {
        byte[] dek = unwrap(row);
        try {
            byte[] wrapped =
                    keyring.kek().encrypt(dek, associatedData(row.tenantId(), row.tokenId()));
            int kekId = kekIdOf(wrapped);
            if (kekId != primaryKekId) {
                throw new IllegalStateException("the primary key changed during re-encryption");
            }
            return store.rewrap(row, kekId, Base64.getEncoder().encodeToString(wrapped));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("data key wrapping failed");
        } finally {
            Arrays.fill(dek, (byte) 0);
        }
    }

    private CardEncryptor unwrapToEncryptor(DataKeyStore.Row row) {
        byte[] dek = unwrap(row);
        try {
            return encryptor(dek);
        } finally {
            Arrays.fill(dek, (byte) 0);
        }
    }

    private byte[] unwrap(DataKeyStore.Row row) {
        if (!keyring.hasKey(row.kekId())) {
            keyring.refresh(); // another node rotated: a key this node has not loaded yet
        }
        try {
            return keyring.kek()
                    .decrypt(
                            Base64.getDecoder().decode(row.wrapped()),
                            associatedData(row.tenantId(), row.tokenId()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new DecryptionFailedException();
        }
    }

    private static CardEncryptor encryptor(byte[] dek) {
        try {
            return new CardEncryptor(new AesGcmJce(dek));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable");
        }
    }

    /** Tink's output prefix: one version byte, then the 4-byte id of the key that encrypted. */
    static int kekIdOf(byte[] tinkCiphertext) {
        return ByteBuffer.wrap(tinkCiphertext, 1, 4).getInt();
    }

    static byte[] associatedData(String tenantId, String tokenId) {
        return (CONTEXT + "|" + tenantId + "|" + tokenId).getBytes(StandardCharsets.UTF_8);
    }
}
