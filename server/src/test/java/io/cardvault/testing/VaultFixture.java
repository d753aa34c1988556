package io.cardvault.testing;

import static io.cardvault.testing.Wiring.set;
import static io.cardvault.testing.Wiring.wire;

import io.cardvault.cards.control.BrandCatalog;
import io.cardvault.cards.entity.CardNumber;
import io.cardvault.crypto.control.DataKeyStore;
import io.cardvault.crypto.control.DataKeys;
import io.cardvault.crypto.control.KeyJobStore;
import io.cardvault.crypto.control.KeyLifecycle;
import io.cardvault.crypto.control.KeyMaintenance;
import io.cardvault.crypto.control.KeyMaterialStore;
import io.cardvault.crypto.control.KeyShredder;
import io.cardvault.crypto.control.Keyring;
import io.cardvault.crypto.control.MasterKeySource;
import io.cardvault.crypto.control.Reencryption;
import io.cardvault.idempotency.control.Idempotency;
import io.cardvault.idempotency.control.IdempotencyStore;
import io.cardvault.platform.control.TestDatabase;
import io.cardvault.tenants.entity.TenantId;
import io.cardvault.tokens.control.CardGuessingGuard;
import io.cardvault.tokens.control.CvcStore;
import io.cardvault.tokens.control.TokenStore;
import io.cardvault.tokens.control.TokenVault;
import io.cardvault.tokens.entity.CardInput;
import io.cardvault.tokens.entity.StoredToken;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The vault and the key hierarchy wired by hand over a real H2 file database, as the server wires
 * them, without a server: for tests of shredding, rotation and the guessing limit.
 */
public final class VaultFixture {

    public final TestDatabase db;
    public final MasterKeySource masterKeySource = new MasterKeySource();
    public final KeyMaterialStore material = new KeyMaterialStore();
    public final Keyring keyring = new Keyring();
    public final DataKeyStore dataKeyStore = new DataKeyStore();
    public final KeyJobStore jobs = new KeyJobStore();
    public final DataKeys dataKeys = new DataKeys();
    public final KeyShredder shredder = new KeyShredder();
    public final Reencryption reencryption = new Reencryption();
    public final KeyMaintenance maintenance = new KeyMaintenance();
    public final KeyLifecycle lifecycle = new KeyLifecycle();
    public final TokenStore tokenStore = new TokenStore();
    public final CardGuessingGuard guard = new CardGuessingGuard();
    public final CvcStore cvcStore = CvcStore.local(java.time.Clock.systemUTC(), "PT1H");
    public final IdempotencyStore idempotencyStore = new IdempotencyStore();
    public final Idempotency idempotency = new Idempotency();
    public final TokenVault vault = new TokenVault();

    public VaultFixture(Path dataDir, String masterKey, String previousMasterKey) {
        this(dataDir, masterKey, previousMasterKey, 10);
    }

    public VaultFixture(
            Path dataDir, String masterKey, String previousMasterKey, int maxSameBinLast4) {
        db = TestDatabase.open(dataDir);
        set(masterKeySource, "masterKey", Optional.of(masterKey));
        set(masterKeySource, "masterKeyFile", Optional.empty());
        set(masterKeySource, "previousMasterKey", Optional.ofNullable(previousMasterKey));
        set(masterKeySource, "demoMode", db.demoMode());
        wire(material, db.jdbc);
        wire(keyring, masterKeySource, material, db.jdbc);
        call(keyring, "init");
        wire(dataKeyStore, db.jdbc);
        wire(jobs, db.jdbc);
        wire(dataKeys, keyring, dataKeyStore, jobs);
        wire(shredder, jobs, db.database, db.jdbc);
        wire(reencryption, jobs, dataKeyStore, dataKeys, keyring, db.jdbc);
        wire(maintenance, reencryption, shredder);
        set(maintenance, "shredInterval", "PT1H");
        wire(lifecycle, keyring, dataKeyStore, jobs, maintenance, db.jdbc);
        wire(tokenStore, db.jdbc);
        wire(guard, tokenStore);
        set(guard, "maxPerHour", maxSameBinLast4);
        wire(idempotencyStore, db.jdbc);
        wire(idempotency, idempotencyStore);
        wire(vault, tokenStore, keyring, dataKeys, guard, cvcStore, idempotency, db.jdbc);
    }

    public StoredToken tokenize(TenantId tenant, String pan) {
        CardNumber number = CardNumber.of(pan);
        return vault.create(
                tenant,
                new CardInput(
                        number,
                        12,
                        2030,
                        Optional.empty(),
                        Optional.of("Jane Doe"),
                        BrandCatalog.standard().detect(pan)));
    }

    public void close() {
        db.close();
    }

    private static void call(Object bean, String method) {
        try {
            Method m = bean.getClass().getDeclaredMethod(method);
            m.setAccessible(true);
            m.invoke(bean);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
