package io.cardvault.crypto.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.crypto.entity.CryptoProblem;
import io.cardvault.crypto.entity.KeyEncryptionKey;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.entity.TenantId;
import io.cardvault.testing.VaultFixture;
import io.cardvault.tokens.entity.StoredToken;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11 part 1: KEK rotation, the re-wrap job with its lease, and key destruction. */
class KeyRotationTest {

    private static final String MASTER = Base64.getEncoder().encodeToString(new byte[32]);
    private static final TenantId TENANT = new TenantId("22222222-2222-4222-8222-222222222222");

    @TempDir Path dataDir;

    private VaultFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void rotate_tokensBeforeDuringAfter_allOpenUnderTheNewPrimary() {
        fixture = new VaultFixture(dataDir, MASTER, null);
        List<StoredToken> tokens = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            tokens.add(fixture.tokenize(TENANT, "4111111111111111"));
        }
        int old = fixture.keyring.primaryKeyId();
        int primary = fixture.lifecycle.rotate();
        assertNotEquals(old, primary);
        assertEquals(450, fixture.lifecycle.status().total());
        assertTrue(fixture.lifecycle.status().reencrypting());

        assertTrue(fixture.reencryption.step("node-a"));
        tokens.add(fixture.tokenize(TENANT, "5555555555554444")); // during
        assertEquals(
                primary,
                fixture.dataKeyStore
                        .find(TENANT.value(), tokens.get(450).id().value())
                        .orElseThrow()
                        .kekId(),
                "new tokens use the new primary at once");
        ProblemException again = assertThrows(ProblemException.class, fixture.lifecycle::rotate);
        assertEquals(CryptoProblem.ROTATION_IN_PROGRESS, again.type());

        while (fixture.reencryption.step("node-a")) {
            // batches
        }
        tokens.add(fixture.tokenize(TENANT, "378282246310005")); // after

        KeyLifecycle.Status status = fixture.lifecycle.status();
        assertFalse(status.reencrypting());
        assertEquals(450, status.done());
        assertEquals(0L, status.dataKeysByKek().getOrDefault(old, 0L));
        assertEquals(452L, status.dataKeysByKek().get(primary));
        for (StoredToken t : tokens) {
            assertTrue(fixture.vault.reveal(TENANT, t.id()).isPresent());
        }
    }

    @Test
    void destroy_primaryOrInUse_is409_unusedOldKey_isGone() {
        fixture = new VaultFixture(dataDir, MASTER, null);
        StoredToken token = fixture.tokenize(TENANT, "4111111111111111");
        int old = fixture.keyring.primaryKeyId();
        int primary = fixture.lifecycle.rotate();

        assertEquals(CryptoProblem.KEY_IN_USE, destroyProblem(primary));
        assertEquals(CryptoProblem.KEY_IN_USE, destroyProblem(old));
        assertEquals(CryptoProblem.KEY_NOT_FOUND, destroyProblem(12345));

        while (fixture.reencryption.step("node-a")) {
            // batches
        }
        fixture.lifecycle.destroy(Integer.toUnsignedString(old));
        assertEquals(
                List.of(KeyEncryptionKey.Status.PRIMARY),
                fixture.keyring.keys().stream().map(KeyEncryptionKey::status).toList());
        assertTrue(fixture.vault.reveal(TENANT, token.id()).isPresent());
    }

    @Test
    void reencryption_nodeStopsMidway_anotherNodeResumesAfterTheLeaseAndLosesNothing() {
        fixture = new VaultFixture(dataDir, MASTER, null);
        List<StoredToken> tokens = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            tokens.add(fixture.tokenize(TENANT, "4111111111111111"));
        }
        int primary = fixture.lifecycle.rotate();
        assertTrue(fixture.reencryption.step("node-a"));
        assertFalse(fixture.reencryption.step("node-b"), "node-a holds the lease");
        fixture.close();

        fixture = new VaultFixture(dataDir, MASTER, null); // restart
        assertTrue(fixture.lifecycle.status().reencrypting());
        fixture.db.jdbc.update("update key_jobs set lease_until = 0 where name = 'reencryption'");
        while (fixture.reencryption.step("node-b")) {
            // resumes
        }
        assertEquals(500L, fixture.lifecycle.status().dataKeysByKek().get(primary));
        for (StoredToken t : tokens) {
            assertTrue(fixture.vault.reveal(TENANT, t.id()).isPresent());
        }
    }

    @Test
    void reencryption_speed_isReported() {
        fixture = new VaultFixture(dataDir, MASTER, null);
        int n = 2000;
        for (int i = 0; i < n; i++) {
            fixture.tokenize(TENANT, "4111111111111111");
        }
        fixture.lifecycle.rotate();
        long start = System.nanoTime();
        while (fixture.reencryption.step("node-a")) {
            // batches
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "re-encryption: %d data keys in %.2f s = %.0f tokens/s%n", n, seconds, n / seconds);
        assertEquals(0, fixture.dataKeyStore.countNotUnder(fixture.keyring.primaryKeyId()));
    }

    private CryptoProblem destroyProblem(int id) {
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () -> fixture.lifecycle.destroy(Integer.toUnsignedString(id)));
        return (CryptoProblem) e.type();
    }
}
