package io.cardvault.crypto.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.tenants.entity.TenantId;
import io.cardvault.testing.VaultFixture;
import io.cardvault.tokens.entity.StoredToken;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11 part 2: master key rotation at start-up, and the clear failures around it. */
class MasterKeyRotationTest {

    private static final TenantId TENANT = new TenantId("33333333-3333-4333-8333-333333333333");

    @TempDir Path dataDir;

    private VaultFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static String key(int fill) {
        byte[] k = new byte[32];
        java.util.Arrays.fill(k, (byte) fill);
        return Base64.getEncoder().encodeToString(k);
    }

    private List<String> material() {
        return fixture.db.jdbc.query(
                "select name || '=' || material from crypto_keys order by name",
                rs -> rs.getString(1));
    }

    @Test
    void startWithNewAndPrevious_rewraps_tokensAndFingerprintsSurvive_oldKeyAloneFailsClearly() {
        fixture = new VaultFixture(dataDir, key(1), null);
        StoredToken token = fixture.tokenize(TENANT, "4111111111111111");
        String fingerprint =
                fixture.keyring.fingerprinter().fingerprint(TENANT.value(), "4111111111111111");
        fixture.close();

        fixture = new VaultFixture(dataDir, key(2), key(1));
        assertTrue(fixture.vault.reveal(TENANT, token.id()).isPresent());
        assertEquals(
                fingerprint,
                fixture.keyring.fingerprinter().fingerprint(TENANT.value(), "4111111111111111"));
        fixture.close();

        fixture = new VaultFixture(dataDir, key(2), null); // previous no longer needed
        assertTrue(fixture.vault.reveal(TENANT, token.id()).isPresent());
        fixture.close();
        fixture = null;

        KeyringException retired =
                assertThrows(KeyringException.class, () -> new VaultFixture(dataDir, key(1), null));
        assertTrue(retired.getMessage().contains("retired by a master key rotation"));
    }

    @Test
    void wrongPreviousKey_stopsStartUp_andChangesNothing() {
        fixture = new VaultFixture(dataDir, key(1), null);
        List<String> before = material();
        fixture.close();
        fixture = null;

        KeyringException e =
                assertThrows(
                        KeyringException.class, () -> new VaultFixture(dataDir, key(3), key(4)));
        assertTrue(e.getMessage().contains("nothing was changed"));

        fixture = new VaultFixture(dataDir, key(1), null);
        assertEquals(before, material());
    }
}
