package io.cardvault.tokens.control;

import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Random;
import io.cardvault.platform.control.Settings;
import io.cardvault.tenants.entity.TenantId;
import io.cardvault.tokens.entity.TokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CVC lives only here: in memory, encrypted under a key that exists only in this process, for
 * {@code cardvault.cvc.ttl} (default PT1H) and until the first forward that received a 2xx used it.
 * A restart therefore drops every CVC, which is the point: PCI DSS forbids storing it.
 */
@ApplicationScoped
public class CvcStore {

    private record Entry(byte[] ciphertext, Instant expiresAt) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AesGcmJce aead;

    @Inject
    @ConfigProperty(name = "cardvault.cvc.ttl", defaultValue = "PT1H")
    String ttlSetting;

    Clock clock = Clock.systemUTC();

    public CvcStore() {
        try {
            aead = new AesGcmJce(Random.randBytes(32));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable");
        }
    }

    public void put(TenantId tenantId, TokenId token, String cvc) {
        try {
            String k = key(tenantId, token);
            byte[] ct =
                    aead.encrypt(
                            cvc.getBytes(StandardCharsets.US_ASCII),
                            k.getBytes(StandardCharsets.UTF_8));
            entries.put(k, new Entry(ct, clock.instant().plus(ttl())));
            sweepOccasionally();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("CVC encryption failed");
        }
    }

    public Optional<String> peek(TenantId tenantId, TokenId token) {
        String k = key(tenantId, token);
        Entry e = entries.get(k);
        if (e == null) {
            return Optional.empty();
        }
        if (!e.expiresAt().isAfter(clock.instant())) {
            entries.remove(k, e);
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new String(
                            aead.decrypt(e.ciphertext(), k.getBytes(StandardCharsets.UTF_8)),
                            StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException ex) {
            entries.remove(k, e);
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

    /** A bad {@code cardvault.cvc.ttl} stops the start-up instead of being ignored. */
    @jakarta.annotation.PostConstruct
    void checkSettings() {
        ttl();
    }

    Duration ttl() {
        return Settings.duration("cardvault.cvc.ttl", ttlSetting, Duration.ofHours(1));
    }

    private void sweepOccasionally() {
        if (entries.size() % 1024 == 0) {
            Instant now = clock.instant();
            entries.entrySet().removeIf(en -> !en.getValue().expiresAt().isAfter(now));
        }
    }

    private static String key(TenantId tenantId, TokenId token) {
        return tenantId.value() + "|" + token.value();
    }

    /** How many CVCs are held (expired ones until the next sweep), for the metrics gauge. */
    public int size() {
        return entries.size();
    }
}
