package io.cardvault.forwarding.control;

import io.cardvault.crypto.control.CardEncryptor;
import io.cardvault.crypto.control.DecryptionFailedException;
import io.cardvault.crypto.control.Keyring;
import io.cardvault.forwarding.entity.RelayedResponse;
import io.cardvault.idempotency.control.Idempotency;
import io.cardvault.idempotency.entity.IdempotencyKey;
import io.cardvault.platform.control.JsonFactories;
import io.cardvault.tenants.entity.TenantId;
import io.cardvault.tokens.control.TokenVault;
import io.cardvault.tokens.entity.TokenId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Idempotency-Key} for forwards, on the one idempotency mechanism: the key is reserved
 * before the destination is called, and the first response (already masked) is stored encrypted for
 * 24 hours, recorded against the token so that deleting the token forgets it. The CVC is never
 * stored (PCI DSS 3.3.1.2): when the forward sent it, every standalone occurrence of its digits is
 * masked out of the stored copy first ({@link ReplayCvcMask}). A retry gets that response without a
 * second call; a retry while the first is in flight, or with a different request, is 409.
 */
@ApplicationScoped
public class ForwardReplays {

    static final String SCOPE = "forward";
    static final String DEK_FORMAT = "dek1:";
    static final String GONE = "gone";

    @Inject Idempotency idempotency;

    @Inject Keyring keyring;

    @Inject TokenVault vault;

    /**
     * @return the stored response to replay, or empty when the caller now owns the key
     */
    public Optional<RelayedResponse> reserve(
            TenantId tenantId, TokenId tokenId, IdempotencyKey key, String digest) {
        return idempotency
                .reserve(tenantId, SCOPE, key, digest)
                .map(stored -> decode(tenantId, tokenId, key.value(), stored));
    }

    public void complete(ForwardAttempt attempt, IdempotencyKey key, RelayedResponse response) {
        idempotency.complete(
                attempt.tenantId(),
                SCOPE,
                key,
                encode(
                        attempt.tenantId(),
                        attempt.tokenId(),
                        key.value(),
                        attempt.injectedCvc()
                                .map(cvc -> ReplayCvcMask.mask(response, cvc))
                                .orElse(response)),
                Optional.of(attempt.tokenId().value()));
    }

    /** Frees the key when nothing reached the destination, so the merchant can retry with it. */
    public void release(TenantId tenantId, IdempotencyKey key) {
        idempotency.release(tenantId, SCOPE, key);
    }

    /**
     * Responses whose stored form would not fit the replay column (about 700 KB of body) are kept
     * without their body, marked {@code x-cardvault-replay-truncated: true}: a retry still never
     * calls the destination twice.
     */
    static final int MAX_REPLAY_BODY = 512 * 1024;

    private String encode(TenantId tenantId, TokenId tokenId, String key, RelayedResponse r) {
        boolean truncated = r.body().length > MAX_REPLAY_BODY;
        JsonObjectBuilder headers = JsonFactories.objectBuilder();
        if (truncated) {
            headers.add("x-cardvault-replay-truncated", JsonFactories.arrayBuilder().add("true"));
        }
        r.headers()
                .forEach(
                        (name, values) -> {
                            JsonArrayBuilder a = JsonFactories.arrayBuilder();
                            values.forEach(a::add);
                            headers.add(name, a);
                        });
        String json =
                JsonFactories.objectBuilder()
                        .add("status", r.status())
                        .add("forwardId", r.forwardId())
                        .add("headers", headers)
                        .add("body", truncated ? "" : Base64.getEncoder().encodeToString(r.body()))
                        .build()
                        .toString();
        Optional<CardEncryptor> encryptor = vault.encryptorOf(tenantId, tokenId);
        if (encryptor.isEmpty()) {
            return GONE; // deleted while the forward ran: keep nothing of it
        }
        byte[] ct =
                encryptor
                        .get()
                        .encrypt(
                                json.getBytes(StandardCharsets.UTF_8),
                                tenantId.value(),
                                "forward-replay|" + key);
        return DEK_FORMAT + Base64.getEncoder().encodeToString(ct);
    }

    /**
     * Replays stored since V20 are encrypted under the token's data key ({@value #DEK_FORMAT}), so
     * deleting the token shreds them too and a key rotation re-wraps them with the token; older
     * ones (24 h at most) open under the KEKs. A replay whose token is gone answers 404.
     */
    private RelayedResponse decode(TenantId tenantId, TokenId tokenId, String key, String stored) {
        if (GONE.equals(stored)) {
            throw TokenVault.notFound();
        }
        byte[] plain;
        try {
            plain =
                    stored.startsWith(DEK_FORMAT)
                            ? vault.encryptorOf(tenantId, tokenId)
                                    .orElseThrow(TokenVault::notFound)
                                    .decrypt(
                                            Base64.getDecoder()
                                                    .decode(stored.substring(DEK_FORMAT.length())),
                                            tenantId.value(),
                                            "forward-replay|" + key)
                            : keyring.legacyCardEncryptor()
                                    .decrypt(
                                            Base64.getDecoder().decode(stored),
                                            tenantId.value(),
                                            "forward-replay|" + key);
        } catch (DecryptionFailedException e) {
            throw TokenVault.notFound();
        }
        JsonObject o =
                JsonFactories.reader(new StringReader(new String(plain, StandardCharsets.UTF_8)))
                        .readObject();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        o.getJsonObject("headers")
                .forEach(
                        (name, values) -> {
                            List<String> list = new ArrayList<>();
                            values.asJsonArray()
                                    .getValuesAs(JsonString.class)
                                    .forEach(v -> list.add(v.getString()));
                            headers.put(name, list);
                        });
        return new RelayedResponse(
                o.getInt("status"),
                headers,
                Base64.getDecoder().decode(o.getString("body")),
                o.getString("forwardId"));
    }
}
