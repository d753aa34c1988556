package io.cardvault.forwarding.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderRulesTest {

    private final HeaderRules rules = new HeaderRules();

    @Test
    void toDestination_controlAndConnectionHeaders_areDropped() {
        Map<String, List<String>> out =
                rules.toDestination(
                        headers(
                                "X-Api-Key",
                                "sk_live",
                                "x-forward-url",
                                "https://psp",
                                "X-Token-Id",
                                "t",
                                "Idempotency-Key",
                                "k",
                                "Host",
                                "cardvault",
                                "Content-Length",
                                "12",
                                "Connection",
                                "keep-alive, X-Secret",
                                "Keep-Alive",
                                "5",
                                "Proxy-Authorization",
                                "p",
                                "Proxy-Authenticate",
                                "p",
                                "TE",
                                "trailers",
                                "Trailer",
                                "x",
                                "Transfer-Encoding",
                                "chunked",
                                "Upgrade",
                                "h2c",
                                "Expect",
                                "100-continue",
                                "x-secret",
                                "s",
                                "Proxy-Connection",
                                "close",
                                "Content-Type",
                                "application/json",
                                "Authorization",
                                "Bearer psp",
                                "X-Custom",
                                "1"));
        assertEquals(
                names("Content-Type", "Authorization", "X-Custom"), new TreeSet<>(out.keySet()));
        assertEquals(List.of("Bearer psp"), out.get("authorization"));
    }

    @Test
    void toDestination_overwritePair_setsReservedHeader() {
        Map<String, List<String>> out =
                rules.toDestination(
                        headers(
                                "x-api-key",
                                "sk_cardvault",
                                "X-PSP-Key-Name",
                                "x-api-key",
                                "x-psp-key-value",
                                "123456"));
        assertEquals(Map.of("x-api-key", List.of("123456")), Map.copyOf(lower(out)));
    }

    @Test
    void toDestination_severalPairs_allApplyAndReplaceExisting() {
        Map<String, List<String>> out =
                rules.toDestination(
                        headers(
                                "Idempotency-Key",
                                "ours",
                                "User-Agent",
                                "merchant",
                                "x-a-name",
                                "Idempotency-Key",
                                "x-a-value",
                                "theirs",
                                "x-b-name",
                                "user-agent",
                                "X-B-VALUE",
                                "psp-client",
                                "x-c-name",
                                "X-Token-Id",
                                "x-c-value",
                                "{{ number | tail(4) }}"));
        assertEquals(
                Map.of(
                        "idempotency-key",
                        List.of("theirs"),
                        "user-agent",
                        List.of("psp-client"),
                        "x-token-id",
                        List.of("{{ number | tail(4) }}")),
                Map.copyOf(lower(out)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "value"})
    void toDestination_loneHalf_isForwardedAsOrdinaryHeader(String present) {
        Map<String, List<String>> out =
                rules.toDestination(
                        headers("X-Customer-" + present, "Jane", "x-psp-name", "x-api-key"));
        assertEquals(
                Map.of(
                        "x-customer-" + present,
                        List.of("Jane"),
                        "x-psp-name",
                        List.of("x-api-key")),
                Map.copyOf(lower(out)));
    }

    @Test
    void toDestination_adminKey_isNeverForwarded() {
        Map<String, List<String>> out =
                rules.toDestination(headers("X-Admin-Key", "operator-secret", "accept", "*/*"));
        assertEquals(Map.of("accept", List.of("*/*")), Map.copyOf(lower(out)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "host",
                "Content-Length",
                "connection",
                "transfer-encoding",
                "upgrade",
                "te",
                "expect",
                "keep-alive",
                "bad name",
                "a:b",
                "",
                "x\r\ny"
            })
    void toDestination_overwriteOfForbiddenOrInvalidName_throws(String target) {
        assertThrows(
                HeaderOverwriteException.class,
                () -> rules.toDestination(headers("x-o-name", target, "x-o-value", "v")));
    }

    @Test
    void toDestination_twoOverwritesOfSameHeader_throws() {
        assertThrows(
                HeaderOverwriteException.class,
                () ->
                        rules.toDestination(
                                headers(
                                        "x-a-name",
                                        "x-api-key",
                                        "x-a-value",
                                        "1",
                                        "x-b-name",
                                        "X-API-KEY",
                                        "x-b-value",
                                        "2")));
    }

    @Test
    void toDestination_overwriteNameRepeated_throws() {
        Map<String, List<String>> in = new LinkedHashMap<>();
        in.put("x-a-name", List.of("x-api-key", "x-other"));
        in.put("x-a-value", List.of("1"));
        assertThrows(HeaderOverwriteException.class, () -> rules.toDestination(in));
    }

    @Test
    void toDestination_sameNameInDifferentCase_isMerged() {
        Map<String, List<String>> in = new LinkedHashMap<>();
        in.put("Accept", List.of("a"));
        in.put("accept", List.of("b"));
        assertEquals(List.of("a", "b"), rules.toDestination(in).get("ACCEPT"));
    }

    @Test
    void toMerchant_hopByHopLengthAndCardvaultHeaders_areDropped() {
        Map<String, List<String>> out =
                rules.toMerchant(
                        headers(
                                "Connection",
                                "close, X-Hop",
                                "X-Hop",
                                "1",
                                "Transfer-Encoding",
                                "chunked",
                                "Content-Length",
                                "10",
                                "Keep-Alive",
                                "1",
                                "Upgrade",
                                "h2",
                                "X-Cardvault-Error",
                                "true",
                                ":status",
                                "200",
                                "Content-Type",
                                "application/json",
                                "Set-Cookie",
                                "a=b",
                                "X-Request-Id",
                                "r"));
        assertEquals(
                names("Content-Type", "Set-Cookie", "X-Request-Id"), new TreeSet<>(out.keySet()));
    }

    @Test
    void toMerchant_null_isEmpty() {
        assertFalse(rules.toMerchant(null).containsKey("x"));
    }

    private static Map<String, List<String>> headers(String... pairs) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], List.of(pairs[i + 1]));
        }
        return map;
    }

    private static Set<String> names(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }

    private static Map<String, List<String>> lower(Map<String, List<String>> map) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k.toLowerCase(), v));
        return out;
    }
}
