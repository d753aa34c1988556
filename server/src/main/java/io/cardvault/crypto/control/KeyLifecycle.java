package io.cardvault.crypto.control;

import io.cardvault.crypto.entity.CryptoProblem;
import io.cardvault.crypto.entity.KeyEncryptionKey;
import io.cardvault.platform.control.Jdbc;
import io.cardvault.platform.entity.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/** What the operator can do with the key-encryption keys: list, rotate, destroy. */
@ApplicationScoped
public class KeyLifecycle {

    private static final Logger LOG = Logger.getLogger(KeyLifecycle.class.getName());

    /** The keys with the number of data keys each one wraps, and the re-encryption's progress. */
    public record Status(
            List<KeyEncryptionKey> keys,
            Map<Integer, Long> dataKeysByKek,
            boolean reencrypting,
            long done,
            long total) {}

    @Inject Keyring keyring;

    @Inject DataKeyStore dataKeys;

    @Inject KeyJobStore jobs;

    @Inject KeyMaintenance maintenance;

    @Inject Jdbc jdbc;

    public Status status() {
        KeyJobStore.Job job = jobs.find(KeyJobStore.REENCRYPTION).orElseThrow();
        return new Status(
                keyring.keys(),
                dataKeys.countByKek(),
                job.running(),
                Math.min(job.done(), job.total()),
                job.total());
    }

    /**
     * A new primary KEK, used for new tokens at once, and a re-encryption job for the existing
     * ones; one transaction, so a second rotation while the job runs is refused ({@code 409}).
     */
    public int rotate() {
        int id =
                jdbc.inTransaction(
                        () -> {
                            if (!jobs.startReencryption(System.currentTimeMillis())) {
                                throw new ProblemException(
                                        CryptoProblem.ROTATION_IN_PROGRESS,
                                        "a key rotation is still re-encrypting; wait until reencryption.state is idle");
                            }
                            int primary = keyring.rotate();
                            jobs.target(primary, dataKeys.countNotUnder(primary));
                            return primary;
                        });
        LOG.info(() -> "key rotation: new primary key " + Integer.toUnsignedString(id));
        maintenance.wake();
        return id;
    }

    /** Destroys a KEK for good: only a non-primary key that wraps no data key. */
    public void destroy(String apiId) {
        int id = parse(apiId);
        if (!keyring.hasKey(id)) {
            keyring.refresh();
        }
        if (!keyring.hasKey(id)) {
            throw new ProblemException(CryptoProblem.KEY_NOT_FOUND, "no key with this id");
        }
        if (keyring.primaryKeyId() == id) {
            throw new ProblemException(
                    CryptoProblem.KEY_IN_USE, "the primary key cannot be destroyed; rotate first");
        }
        long inUse = dataKeys.countByKek().getOrDefault(id, 0L);
        if (inUse > 0) {
            throw new ProblemException(
                    CryptoProblem.KEY_IN_USE,
                    inUse
                            + " tokens are still encrypted under this key; wait for the re-encryption");
        }
        if (!keyring.destroy(id)) {
            throw new ProblemException(CryptoProblem.KEY_IN_USE, "this key cannot be destroyed");
        }
        LOG.info(() -> "key " + Integer.toUnsignedString(id) + " destroyed");
    }

    private static int parse(String apiId) {
        try {
            return Integer.parseUnsignedInt(apiId);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ProblemException(CryptoProblem.KEY_NOT_FOUND, "no key with this id");
        }
    }
}
