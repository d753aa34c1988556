package io.cardvault.tokens.control;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Random;
import io.cardvault.crypto.control.Keyring;
import io.cardvault.platform.control.ExpiringMap;
import io.cardvault.platform.control.Grid;
import io.cardvault.platform.control.Settings;
import io.cardvault.tenants.entity.TenantId;
import io.cardvault.tokens.entity.TokenId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CVC lives only here: in memory, AES-GCM encrypted (bound to tenant and token), for {@code
 * cardvault.cvc.ttl} (default PT1H) and until the first forward that received a 2xx used it. On a
 * lone node the memory is this process's; in a cluster it is the data grid's, with one backup copy
 * on another node, so a CVC collected through one node forwards through any other and survives the
 * death of one. Never on disk: PCI DSS forbids storing it; a full restart drops every CVC.
 */
@ApplicationScoped
public class CvcStore {

    static final String MAP = "cardvault-cvc";

    @Inject Grid grid;

    @Inject Keyring keyring;

    @Inject
    @ConfigProperty(name = "cardvault.cvc.ttl", defaultValue = "PT1H")
    String ttlSetting;

    ExpiringMap entries;
    Aead aead;

    /** A bad {@code cardvault.cvc.ttl} stops the start-up instead of being ignored. */
    @PostConstruct
    void open() {
        ttl();
        entries = grid.map(MAP);
        aead = keyring.transientAead();
    }

    /** A store in this process only, under a random key (unit tests and fixtures). */
    public static CvcStore local(Clock clock, String ttl) {
        CvcStore store = new CvcStore();
        store.entries = ExpiringMap.local(clock);
        store.ttlSetting = ttl;
        try {
            store.aead = new AesGcmJce(Random.randBytes(32));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable");
        }
        return store;
    }

    public void put(TenantId tenantId, TokenId token, String cvc) {
        try {
            String k = key(tenantId, token);
            byte[] ct =
                    aead.encrypt(
                            cvc.getBytes(StandardCharsets.US_ASCII),
                            k.getBytes(StandardCharsets.UTF_8));
            entries.put(k, ct, ttl());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("CVC encryption failed");
        }
    }

    public Optional<String> peek(TenantId tenantId, TokenId token) {
        String k = key(tenantId, token);
        Optional<byte[]> ct = entries.get(k);
        if (ct.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new String(
                            aead.decrypt(ct.get(), k.getBytes(StandardCharsets.UTF_8)),
                            StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException ex) {
            entries.remove(k);
            return Optional.empty();
        }
    }

    public boolean isAvailable(TenantId tenantId, TokenId token) {
        return peek(tenantId, token).isPresent();
    }

    /**
     * The hook the forwarding proxy calls after a 2xx from the destination for a request that used
     * the CVC.
     */
    public void consumeAfterSuccessfulForward(TenantId tenantId, TokenId token) {
        entries.remove(key(tenantId, token));
    }

    public void remove(TenantId tenantId, TokenId token) {
        entries.remove(key(tenantId, token));
    }

    Duration ttl() {
        return Settings.duration("cardvault.cvc.ttl", ttlSetting, Duration.ofHours(1));
    }

    private static String key(TenantId tenantId, TokenId token) {
        return tenantId.value() + "|" + token.value();
    }

    /** How many CVCs are held (expired ones until the next sweep), for the metrics gauge. */
    public int size() {
        return entries.size();
    }
}
