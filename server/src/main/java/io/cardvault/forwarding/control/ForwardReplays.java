package io.cardvault.forwarding.control;

import io.cardvault.crypto.control.Keyring;
import io.cardvault.forwarding.entity.RelayedResponse;
import io.cardvault.idempotency.entity.IdempotencyProblem;
import io.cardvault.platform.control.Jdbc;
import io.cardvault.platform.entity.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Idempotency-Key} for forwards: the key is reserved before the destination is called, and
 * the first response (already masked) is stored encrypted for 24 hours. A retry gets that response
 * without a second call; a retry while the first is in flight, or with a different request, is 409.
 */
@ApplicationScoped
public class ForwardReplays {

    static final Duration RETENTION = Duration.ofHours(24);

    @Inject Jdbc jdbc;

    @Inject Keyring keyring;

    /**
     * @return the stored response to replay, or empty when the caller now owns the key
     */
    public Optional<RelayedResponse> reserve(String tenantId, String key, String digest) {
        io.cardvault.idempotency.control.IdempotencyRecords.validate(key);
        long cutoff = System.currentTimeMillis() - RETENTION.toMillis();
        jdbc.update(
                "delete from forward_replays where tenant_id = ? and idem_key = ? and created_at <= ?",
                tenantId,
                key,
                cutoff);
        boolean reserved =
                jdbc.insertIgnoringDuplicate(
                        "insert into forward_replays (tenant_id, idem_key, request_digest, state, created_at) values (?, ?, ?, 'pending', ?)",
                        tenantId,
                        key,
                        digest,
                        System.currentTimeMillis());
        if (reserved) {
            return Optional.empty();
        }
        String[] row =
                jdbc.queryOne(
                                "select request_digest, state, response from forward_replays where tenant_id = ? and idem_key = ?",
                                rs ->
                                        new String[] {
                                            rs.getString(1), rs.getString(2), rs.getString(3)
                                        },
                                tenantId,
                                key)
                        .orElseThrow(
                                () ->
                                        new ProblemException(
                                                IdempotencyProblem.IDEMPOTENCY_CONFLICT,
                                                "this Idempotency-Key is being processed; retry"));
        if (!row[0].equals(digest)) {
            throw new ProblemException(
                    IdempotencyProblem.IDEMPOTENCY_CONFLICT,
                    "this Idempotency-Key was used with a different request in the last 24 hours");
        }
        if (!"done".equals(row[1])) {
            throw new ProblemException(
                    IdempotencyProblem.IDEMPOTENCY_CONFLICT,
                    "a request with this Idempotency-Key is still in progress");
        }
        return Optional.of(decode(tenantId, key, row[2]));
    }

    public void complete(String tenantId, String key, RelayedResponse response) {
        jdbc.update(
                "update forward_replays set state = 'done', response = ? where tenant_id = ? and idem_key = ?",
                encode(tenantId, key, response),
                tenantId,
                key);
    }

    /** Frees the key when nothing reached the destination, so the merchant can retry with it. */
    public void release(String tenantId, String key) {
        jdbc.update(
                "delete from forward_replays where tenant_id = ? and idem_key = ? and state = 'pending'",
                tenantId,
                key);
    }

    /**
     * Responses whose stored form would not fit the replay column (about 700 KB of body) are kept
     * without their body, marked {@code x-cardvault-replay-truncated: true}: a retry still never
     * calls the destination twice.
     */
    static final int MAX_REPLAY_BODY = 512 * 1024;

    private String encode(String tenantId, String key, RelayedResponse r) {
        boolean truncated = r.body().length > MAX_REPLAY_BODY;
        JsonObjectBuilder headers = Json.createObjectBuilder();
        if (truncated) {
            headers.add("x-cardvault-replay-truncated", Json.createArrayBuilder().add("true"));
        }
        r.headers()
                .forEach(
                        (name, values) -> {
                            JsonArrayBuilder a = Json.createArrayBuilder();
                            values.forEach(a::add);
                            headers.add(name, a);
                        });
        String json =
                Json.createObjectBuilder()
                        .add("status", r.status())
                        .add("forwardId", r.forwardId())
                        .add("headers", headers)
                        .add("body", truncated ? "" : Base64.getEncoder().encodeToString(r.body()))
                        .build()
                        .toString();
        byte[] ct =
                keyring.cardEncryptor()
                        .encrypt(
                                json.getBytes(StandardCharsets.UTF_8),
                                tenantId,
                                "forward-replay|" + key);
        return Base64.getEncoder().encodeToString(ct);
    }

    private RelayedResponse decode(String tenantId, String key, String stored) {
        byte[] plain =
                keyring.cardEncryptor()
                        .decrypt(
                                Base64.getDecoder().decode(stored),
                                tenantId,
                                "forward-replay|" + key);
        JsonObject o =
                Json.createReader(new StringReader(new String(plain, StandardCharsets.UTF_8)))
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
