package io.cardvault.crypto.control;

import io.cardvault.platform.control.DemoMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the master key comes from: {@code cardvault.master-key} (env {@code CARDVAULT_MASTER_KEY},
 * base64 of 32 bytes), else {@code cardvault.master-key-file}, else — in demo mode only — a key
 * file generated under the data directory with owner-only permissions. Outside demo mode a missing
 * key stops the start-up instead of silently creating one. For a master key rotation the old key is
 * given as {@code cardvault.master-key-previous} for one start ({@link Keyring} re-wraps).
 */
@ApplicationScoped
public class MasterKeySource {

    private static final Logger LOG = Logger.getLogger(MasterKeySource.class.getName());

    @Inject
    @ConfigProperty(name = "cardvault.master-key")
    Optional<String> masterKey;

    @Inject
    @ConfigProperty(name = "cardvault.master-key-file")
    Optional<String> masterKeyFile;

    @Inject
    @ConfigProperty(name = "cardvault.master-key-previous")
    Optional<String> previousMasterKey;

    @Inject DemoMode demoMode;

    /**
     * The master key being rotated away from ({@code cardvault.master-key-previous}, env {@code
     * CARDVAULT_MASTER_KEY_PREVIOUS}): set only for the start that re-wraps the key material.
     */
    public Optional<byte[]> previousMasterKey() {
        return previousMasterKey
                .filter(k -> !k.isBlank())
                .map(k -> decode(k, "cardvault.master-key-previous"));
    }

    public byte[] masterKey() {
        if (masterKey.isPresent() && !masterKey.get().isBlank()) {
            return decode(masterKey.get(), "cardvault.master-key");
        }
        if (masterKeyFile.isPresent() && !masterKeyFile.get().isBlank()) {
            return readFile(Path.of(masterKeyFile.get()));
        }
        if (!demoMode.enabled()) {
            throw new IllegalStateException(
                    "no master key: set cardvault.master-key (env CARDVAULT_MASTER_KEY) or cardvault.master-key-file");
        }
        return demoKeyFile(demoMode.dataDirectory().resolve("master.key"));
    }

    private static byte[] demoKeyFile(Path file) {
        if (Files.exists(file)) {
            return readFile(file);
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    Base64.getEncoder().encodeToString(key) + "\n",
                    StandardCharsets.US_ASCII);
            restrictToOwner(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo master key file " + file, e);
        }
        LOG.warning(
                () ->
                        "DEMO MODE: generated a master key in "
                                + file.toAbsolutePath().normalize()
                                + " - for production set cardvault.master-key or cardvault.master-key-file and keep it out of the data directory");
        return key;
    }

    static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.warning(
                    "file system does not support POSIX permissions; protect "
                            + file
                            + " yourself");
        }
    }

    private static byte[] readFile(Path file) {
        try {
            return decode(
                    Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read master key file " + file, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("master key from " + source + " is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException(
                    "master key from " + source + " must be 32 bytes (256 bits), base64-encoded");
        }
        return key;
    }
}
