package io.cardvault.crypto.control;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import io.cardvault.crypto.entity.KeyEncryptionKey;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The upper two levels of the key hierarchy (docs/security.md): the master key from configuration,
 * which never enters the database, wraps the key-encryption keys (KEKs, one Tink AEAD keyset with a
 * primary) and the fingerprint root secret, both kept in {@code crypto_keys}. KEKs wrap the
 * per-token data keys ({@link DataKeys}).
 *
 * <p>At start-up the key material is created (first start), opened, or — with {@code
 * cardvault.master-key-previous} — re-wrapped under the new master key in one transaction. A wrong
 * key stops the start-up with a message that says which case it is, and writes nothing. Other
 * nodes' changes to the keyset (a rotation) are picked up within {@value #REFRESH_MILLIS} ms, or at
 * once when a ciphertext names a key this node has not seen yet.
 */
@ApplicationScoped
public class Keyring {

    private static final Logger LOG = Logger.getLogger(Keyring.class.getName());

    static final String KEYSET = "aead-keyset";
    static final String FINGERPRINT_ROOT = "fingerprint-root";
    static final String RETIRED = "master-retired:";
    static final long REFRESH_MILLIS = 5_000;

    private static final byte[] KEYSET_AD = "cardvault/keyset/v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TRANSIENT_LABEL =
            "cardvault/transient-aead/v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FINGERPRINT_AD =
            "cardvault/fingerprint-root/v1".getBytes(StandardCharsets.UTF_8);

    private record State(KeysetHandle keyset, Aead aead, String stored, long loadedAt) {}

    @Inject MasterKeySource masterKeySource;

    @Inject KeyMaterialStore material;

    @Inject Jdbc jdbc;

    private Aead master;
    private volatile State state;
    private Fingerprinter fingerprinter;
    private Aead transientAead;

    /** Opens the key material at deployment, so a wrong master key fails the deployment. */
    void startEagerly(
            @Observes
                    @Priority(Interceptor.Priority.APPLICATION + 200)
                    @Initialized(ApplicationScoped.class)
                    Object applicationStarted) {
        kek();
    }

    @PostConstruct
    void init() {
        try {
            AeadConfig.register();
            byte[] current = masterKeySource.masterKey();
            master = new AesGcmJce(current);
            Optional<byte[]> previous = masterKeySource.previousMasterKey();
            try {
                jdbc.inTransaction(() -> openOrRotate(current, previous));
            } catch (io.cardvault.platform.control.DataAccessException raced) {
                // two nodes starting together on an empty database both created key material: on
                // PostgreSQL the loser's transaction is aborted by the duplicate key. Its second
                // attempt finds the winner's material and opens it.
                LOG.info("key material created by another node meanwhile; opening it");
                jdbc.inTransaction(() -> openOrRotate(current, previous));
            }
            state = load();
            fingerprinter = new Fingerprinter(fingerprintRoot());
            transientAead = new AesGcmJce(derive(current, TRANSIENT_LABEL));
            recordUnknownVersions();
        } catch (KeyringException e) {
            LOG.severe(e.getMessage());
            throw e;
        } catch (GeneralSecurityException e) {
            throw fail(
                    "cannot open the key material: the configured master key is not the one this database was created with");
        }
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

    /** The KEK keyset as an AEAD: encrypts under the primary, decrypts under any enabled key. */
    public Aead kek() {
        return current().aead();
    }

    public int primaryKeyId() {
        return current().keyset().getPrimary().getId();
    }

    /**
     * Card data and replays written before the per-token data keys (V20) were encrypted under the
     * KEK keyset directly; they still open with this.
     */
    public CardEncryptor legacyCardEncryptor() {
        return new CardEncryptor(kek());
    }

    /** Re-reads the keyset now (another node may have rotated it). */
    public void refresh() {
        state = load();
    }

    public List<KeyEncryptionKey> keys() {
        KeysetHandle keyset = current().keyset();
        Map<Integer, Long> created = material.versions();
        List<KeyEncryptionKey> out = new ArrayList<>();
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry e = keyset.getAt(i);
            KeyEncryptionKey.Status status =
                    e.isPrimary()
                            ? KeyEncryptionKey.Status.PRIMARY
                            : e.getStatus() == KeyStatus.ENABLED
                                    ? KeyEncryptionKey.Status.ENABLED
                                    : KeyEncryptionKey.Status.DISABLED;
            out.add(
                    new KeyEncryptionKey(
                            e.getId(),
                            status,
                            Instant.ofEpochMilli(created.getOrDefault(e.getId(), 0L))));
        }
        return out;
    }

    /** Adds a new primary KEK and stores the keyset; returns its id. The caller serialises. */
    public synchronized int rotate() {
        State s = load();
        try {
            KeysetHandle next =
                    KeysetHandle.newBuilder(s.keyset())
                            .addEntry(
                                    KeysetHandle.generateEntryFromParameters(
                                                    PredefinedAeadParameters.AES256_GCM)
                                            .withRandomId()
                                            .makePrimary())
                            .build();
            store(s, next);
            int id = next.getPrimary().getId();
            material.recordVersion(id, System.currentTimeMillis());
            return id;
        } catch (GeneralSecurityException e) {
            throw fail("cannot add a key to the keyset");
        }
    }

    /** Removes a non-primary KEK from the keyset for good. The caller checks it is unused. */
    public synchronized boolean destroy(int kekId) {
        State s = load();
        for (int i = 0; i < s.keyset().size(); i++) {
            KeysetHandle.Entry e = s.keyset().getAt(i);
            if (e.getId() == kekId) {
                if (e.isPrimary()) {
                    return false;
                }
                try {
                    store(s, KeysetHandle.newBuilder(s.keyset()).deleteAt(i).build());
                } catch (GeneralSecurityException ex) {
                    throw fail("cannot remove a key from the keyset");
                }
                material.forgetVersion(kekId);
                return true;
            }
        }
        return false;
    }

    public boolean hasKey(int kekId) {
        KeysetHandle keyset = current().keyset();
        for (int i = 0; i < keyset.size(); i++) {
            if (keyset.getAt(i).getId() == kekId) {
                return true;
            }
        }
        return false;
    }

    private void store(State before, KeysetHandle next) throws GeneralSecurityException {
        String serialized =
                TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(next, master, KEYSET_AD);
        if (!material.replace(KEYSET, before.stored(), serialized)) {
            throw fail("the keyset was changed by another node meanwhile; retry");
        }
        state =
                new State(
                        next,
                        next.getPrimitive(RegistryConfiguration.get(), Aead.class),
                        serialized,
                        System.currentTimeMillis());
    }

    private State current() {
        State s = state;
        if (System.currentTimeMillis() - s.loadedAt() > REFRESH_MILLIS) {
            s = load();
            state = s;
        }
        return s;
    }

    private State load() {
        String stored = material.read(KEYSET).orElseThrow(() -> fail("the keyset row is missing"));
        try {
            KeysetHandle keyset =
                    TinkJsonProtoKeysetFormat.parseEncryptedKeyset(stored, master, KEYSET_AD);
            return new State(
                    keyset,
                    keyset.getPrimitive(RegistryConfiguration.get(), Aead.class),
                    stored,
                    System.currentTimeMillis());
        } catch (GeneralSecurityException e) {
            throw fail("the keyset no longer opens with the configured master key");
        }
    }

    private void openOrRotate(byte[] current, Optional<byte[]> previous) {
        Optional<String> keyset = material.read(KEYSET);
        if (keyset.isEmpty()) {
            create();
            return;
        }
        if (opens(master, keyset.get())) {
            previous.ifPresent(
                    p ->
                            LOG.info(
                                    "cardvault.master-key-previous is set but not needed: the key material is already wrapped under the current master key; remove the previous key from the configuration"));
            return;
        }
        if (previous.isPresent()) {
            rewrapUnder(previous.get(), keyset.get());
            return;
        }
        if (material.read(RETIRED + MasterKeyCheck.of(current)).isPresent()) {
            throw fail(
                    "the configured master key was retired by a master key rotation: set cardvault.master-key (env CARDVAULT_MASTER_KEY) to the new master key");
        }
        throw fail(
                "the configured master key (cardvault.master-key, env CARDVAULT_MASTER_KEY) does not open the key material in this database: wrong key, or the database belongs to another installation");
    }

    private void create() {
        try {
            KeysetHandle fresh = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            material.insert(
                    KEYSET,
                    TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(fresh, master, KEYSET_AD));
            byte[] root = new byte[32];
            new SecureRandom().nextBytes(root);
            material.insert(
                    FINGERPRINT_ROOT,
                    Base64.getEncoder().encodeToString(master.encrypt(root, FINGERPRINT_AD)));
        } catch (GeneralSecurityException e) {
            throw fail("cannot create the keyset");
        }
    }

    /** Master key rotation: both wrapped secrets move to the new master key in one transaction. */
    private void rewrapUnder(byte[] previousKey, String storedKeyset) {
        try {
            Aead old = new AesGcmJce(previousKey);
            if (!opens(old, storedKeyset)) {
                throw fail(
                        "neither the master key (CARDVAULT_MASTER_KEY) nor the previous master key (CARDVAULT_MASTER_KEY_PREVIOUS) opens the key material in this database; nothing was changed");
            }
            KeysetHandle keyset =
                    TinkJsonProtoKeysetFormat.parseEncryptedKeyset(storedKeyset, old, KEYSET_AD);
            String storedRoot =
                    material.read(FINGERPRINT_ROOT)
                            .orElseThrow(() -> fail("the fingerprint root row is missing"));
            byte[] root = old.decrypt(Base64.getDecoder().decode(storedRoot), FINGERPRINT_AD);
            boolean replaced =
                    material.replace(
                                    KEYSET,
                                    storedKeyset,
                                    TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(
                                            keyset, master, KEYSET_AD))
                            && material.replace(
                                    FINGERPRINT_ROOT,
                                    storedRoot,
                                    Base64.getEncoder()
                                            .encodeToString(master.encrypt(root, FINGERPRINT_AD)));
            if (!replaced) {
                throw fail("the key material changed during the master key rotation; restart");
            }
            material.insert(RETIRED + MasterKeyCheck.of(previousKey), "retired");
            LOG.info(
                    "master key rotated: the key-encryption keyset and the fingerprint secret are now wrapped under the new master key; remove cardvault.master-key-previous (CARDVAULT_MASTER_KEY_PREVIOUS) and destroy the old key");
        } catch (GeneralSecurityException e) {
            throw fail(
                    "the previous master key opens the keyset but not the fingerprint secret; nothing was changed");
        }
    }

    private byte[] fingerprintRoot() throws GeneralSecurityException {
        String stored =
                material.read(FINGERPRINT_ROOT)
                        .orElseThrow(() -> fail("the fingerprint root row is missing"));
        return master.decrypt(Base64.getDecoder().decode(stored), FINGERPRINT_AD);
    }

    /** Keysets from before V20 have no creation dates: they count from the keyset row's. */
    private void recordUnknownVersions() {
        Map<Integer, Long> known = material.versions();
        KeysetHandle keyset = state.keyset();
        for (int i = 0; i < keyset.size(); i++) {
            int id = keyset.getAt(i).getId();
            if (!known.containsKey(id)) {
                material.recordVersion(id, material.createdAt(KEYSET).orElse(0L));
            }
        }
    }

    private static boolean opens(Aead key, String storedKeyset) {
        try {
            TinkJsonProtoKeysetFormat.parseEncryptedKeyset(storedKeyset, key, KEYSET_AD);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static KeyringException fail(String message) {
        return new KeyringException(message);
    }
}
