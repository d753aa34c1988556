package io.cardvault.crypto.control;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import io.cardvault.platform.control.Jdbc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The data keys of this installation. The Tink AEAD keyset and the fingerprint root secret are
 * stored in the database only in encrypted form, wrapped by the master key that never enters the
 * database. Created on first start, loaded afterwards; a wrong master key stops the start-up (a
 * vault that cannot decrypt must not accept new cards under a second keyset).
 */
@ApplicationScoped
public class Keyring {

    private static final byte[] KEYSET_AD = "cardvault/keyset/v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TRANSIENT_LABEL =
            "cardvault/transient-aead/v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FINGERPRINT_AD =
            "cardvault/fingerprint-root/v1".getBytes(StandardCharsets.UTF_8);

    @Inject MasterKeySource masterKeySource;

    @Inject Jdbc jdbc;

    private CardEncryptor cardEncryptor;
    private Fingerprinter fingerprinter;
    private Aead transientAead;

    /** Loads the keyset at deployment, so a wrong master key fails the deployment. */
    void startEagerly(
            @Observes
                    @Priority(Interceptor.Priority.APPLICATION + 200)
                    @Initialized(ApplicationScoped.class)
                    Object applicationStarted) {
        cardEncryptor();
    }

    @PostConstruct
    void init() {
        try {
            AeadConfig.register();
            Aead master = new AesGcmJce(masterKeySource.masterKey());
            KeysetHandle keyset = loadOrCreateKeyset(master);
            cardEncryptor =
                    new CardEncryptor(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
            fingerprinter = new Fingerprinter(loadOrCreateFingerprintRoot(master));
            transientAead = new AesGcmJce(derive(masterKeySource.masterKey(), TRANSIENT_LABEL));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "cannot open the keyset: the configured master key is not the one this database was created with");
        }
    }

    public CardEncryptor cardEncryptor() {
        return cardEncryptor;
    }

    public Fingerprinter fingerprinter() {
        return fingerprinter;
    }

    /**
     * The AEAD for values that live in memory only (the CVC): the same on every node of a cluster,
     * since they share the master key, so a CVC collected through one node decrypts on another;
     * derived from the master key (HMAC-SHA256 with a fixed label), never stored anywhere.
     */
    public Aead transientAead() {
        return transientAead;
    }

    private static byte[] derive(byte[] masterKey, byte[] label) throws GeneralSecurityException {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(masterKey, "HmacSHA256"));
        return mac.doFinal(label);
    }

    private KeysetHandle loadOrCreateKeyset(Aead master) throws GeneralSecurityException {
        Optional<String> stored = read("aead-keyset");
        if (stored.isPresent()) {
            return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(stored.get(), master, KEYSET_AD);
        }
        KeysetHandle fresh = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        write(
                "aead-keyset",
                TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(fresh, master, KEYSET_AD));
        return parseAgain(master);
    }

    /** Re-read after insert so two nodes starting together end up on the same keyset. */
    private KeysetHandle parseAgain(Aead master) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(
                read("aead-keyset").orElseThrow(), master, KEYSET_AD);
    }

    private byte[] loadOrCreateFingerprintRoot(Aead master) throws GeneralSecurityException {
        Optional<String> stored = read("fingerprint-root");
        if (stored.isEmpty()) {
            byte[] root = new byte[32];
            new SecureRandom().nextBytes(root);
            write(
                    "fingerprint-root",
                    Base64.getEncoder().encodeToString(master.encrypt(root, FINGERPRINT_AD)));
            stored = read("fingerprint-root");
        }
        return master.decrypt(Base64.getDecoder().decode(stored.orElseThrow()), FINGERPRINT_AD);
    }

    private Optional<String> read(String name) {
        return jdbc.queryOne(
                "select material from crypto_keys where name = ?", rs -> rs.getString(1), name);
    }

    private void write(String name, String material) {
        jdbc.insertIgnoringDuplicate(
                "insert into crypto_keys (name, material, created_at) values (?, ?, ?)",
                name,
                material,
                System.currentTimeMillis());
    }
}
