package io.cardvault.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.platform.control.DemoMode;
import io.cardvault.platform.control.Problems;
import io.cardvault.platform.control.TransportPolicy;
import io.cardvault.testing.Beans;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The HTTPS rules as the filter applies them, with fake requests from non-loopback addresses (the
 * process-level tests can only use loopback): refused API calls, redirected pages, HSTS.
 */
class TransportSecurityFilterTest {

    static TransportSecurityFilter filter(boolean demo, String trustedProxies) {
        DemoMode demoMode = new DemoMode();
        Beans.set(demoMode, "demo", demo ? "true" : "false");
        Beans.set(demoMode, "dataDir", "./data");
        Beans.set(demoMode, "dbUrl", Optional.empty());
        TransportPolicy policy = new TransportPolicy();
        Beans.set(policy, "demoMode", demoMode);
        Beans.set(policy, "trustedProxiesSetting", Optional.ofNullable(trustedProxies));
        Beans.set(policy, "httpsPortSetting", Optional.of("8443"));
        Beans.set(policy, "publicUrl", "http://vault.example");
        Problems problems = new Problems();
        Beans.set(problems, "publicUrl", "https://vault.example");
        TransportSecurityFilter f = new TransportSecurityFilter();
        f.problems = problems;
        f.transport = policy;
        return f;
    }

    record Outcome(boolean passedOn, int status, Map<String, String> headers, String body) {}

    static Outcome run(
            TransportSecurityFilter f,
            boolean tls,
            String remote,
            String method,
            String uri,
            Map<String, String> headers)
            throws Exception {
        return run(f, tls, remote, method, uri, headers, Map.of());
    }

    static Outcome run(
            TransportSecurityFilter f,
            boolean tls,
            String remote,
            String method,
            String uri,
            Map<String, String> headers,
            Map<String, Object> attributes)
            throws Exception {
        Map<String, String> lower = new HashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        HttpServletRequest req =
                (HttpServletRequest)
                        Proxy.newProxyInstance(
                                TransportSecurityFilterTest.class.getClassLoader(),
                                new Class<?>[] {HttpServletRequest.class},
                                (p, m, a) ->
                                        switch (m.getName()) {
                                            case "isSecure" -> tls;
                                            case "getRemoteAddr" -> remote;
                                            case "getMethod" -> method;
                                            case "getRequestURI" -> uri;
                                            case "getContextPath" -> "";
                                            case "getQueryString" -> null;
                                            case "getServerName" -> "vault.example";
                                            case "getHeader" ->
                                                    lower.get(
                                                            ((String) a[0])
                                                                    .toLowerCase(Locale.ROOT));
                                            case "getHeaderNames" ->
                                                    java.util.Collections.enumeration(
                                                            lower.keySet());
                                            case "getHeaders" ->
                                                    java.util.Collections.enumeration(
                                                            lower.containsKey(
                                                                            ((String) a[0])
                                                                                    .toLowerCase(
                                                                                            Locale
                                                                                                    .ROOT))
                                                                    ? java.util.List.of(
                                                                            lower.get(
                                                                                    ((String) a[0])
                                                                                            .toLowerCase(
                                                                                                    Locale
                                                                                                            .ROOT)))
                                                                    : java.util.List.of());
                                            case "getAttribute" -> attributes.get(a[0]);
                                            case "setAttribute" -> null;
                                            default ->
                                                    throw new UnsupportedOperationException(
                                                            m.getName());
                                        });
        Map<String, String> out = new HashMap<>();
        int[] status = {200};
        StringWriter body = new StringWriter();
        PrintWriter writer = new PrintWriter(body, true);
        HttpServletResponse res =
                (HttpServletResponse)
                        Proxy.newProxyInstance(
                                TransportSecurityFilterTest.class.getClassLoader(),
                                new Class<?>[] {HttpServletResponse.class},
                                (p, m, a) -> {
                                    switch (m.getName()) {
                                        case "setHeader" ->
                                                out.put(
                                                        ((String) a[0]).toLowerCase(Locale.ROOT),
                                                        (String) a[1]);
                                        case "setStatus" -> status[0] = (Integer) a[0];
                                        case "setContentType" ->
                                                out.put("content-type", (String) a[0]);
                                        case "setCharacterEncoding" -> {}
                                        case "getWriter" -> {
                                            return writer;
                                        }
                                        default ->
                                                throw new UnsupportedOperationException(
                                                        m.getName());
                                    }
                                    return null;
                                });
        AtomicBoolean passed = new AtomicBoolean();
        FilterChain chain = (rq, rs) -> passed.set(true);
        f.doFilter(req, res, chain);
        return new Outcome(passed.get(), status[0], out, body.toString());
    }

    @Test
    void headerValueOutsidePrintableAscii_is400ProblemBeforeAnythingElse() throws Exception {
        for (String value : new String[] {"caf\u00e9", "a\u0001b", "\u00c3\u00a9", "x\u007f"}) {
            Outcome o =
                    run(
                            filter(false, null),
                            true,
                            "127.0.0.1",
                            "GET",
                            "/api/v1/tokens/tok_x",
                            Map.of("X-Note", value));
            assertFalse(o.passedOn());
            assertEquals(400, o.status());
            assertEquals("application/problem+json", o.headers().get("content-type"));
            JsonObject p = Json.createReader(new StringReader(o.body())).readObject();
            assertEquals("malformed-request", p.getString("code"));
        }
        assertTrue(
                run(
                                filter(false, null),
                                true,
                                "127.0.0.1",
                                "GET",
                                "/api/v1/tokens/tok_x",
                                Map.of("X-Note", "plain ascii\twith tab"))
                        .passedOn());
    }

    @Test
    void pathMarkedByTheBundlesEdgeFilter_is400ProblemBeforeAnythingElse() throws Exception {
        Outcome o =
                run(
                        filter(false, null),
                        true,
                        "127.0.0.1",
                        "GET",
                        "/api/v1/tokens/%25ZZ",
                        Map.of("x-request-id", "edge-1"),
                        Map.of(TransportSecurityFilter.STRAY_PERCENT_ATTRIBUTE, Boolean.TRUE));
        assertFalse(o.passedOn());
        assertEquals(400, o.status());
        assertEquals("application/problem+json", o.headers().get("content-type"));
        assertEquals("edge-1", o.headers().get("x-request-id"));
        JsonObject p = Json.createReader(new StringReader(o.body())).readObject();
        assertEquals("malformed-request", p.getString("code"));
        assertEquals("https://vault.example/problems/malformed-request", p.getString("type"));
        assertTrue(p.getString("detail").contains("percent sign"), p.getString("detail"));
        // the same path without the mark (a client that sent %25ZZ itself) is an ordinary request
        assertTrue(
                run(filter(false, null), true, "127.0.0.1", "GET", "/api/v1/tokens/%25ZZ", Map.of())
                        .passedOn());
    }

    @Test
    void plainHttpApiCall_fromNonLoopback_is403HttpsRequired() throws Exception {
        Outcome o =
                run(filter(false, null), false, "203.0.113.9", "POST", "/api/v1/tokens", Map.of());
        assertFalse(o.passedOn());
        assertEquals(403, o.status());
        assertEquals("application/problem+json", o.headers().get("content-type"));
        JsonObject p = Json.createReader(new StringReader(o.body())).readObject();
        assertEquals("https-required", p.getString("code"));
        assertEquals("https://vault.example/problems/https-required", p.getString("type"));
        assertEquals(403, p.getInt("status"));
        assertNull(o.headers().get("strict-transport-security"));
    }

    @Test
    void plainHttpPage_fromNonLoopback_isRedirected() throws Exception {
        Outcome o =
                run(
                        filter(false, null),
                        false,
                        "198.51.100.4",
                        "GET",
                        "/demo/index.html",
                        Map.of());
        assertFalse(o.passedOn());
        assertEquals(308, o.status());
        assertEquals("https://vault.example:8443/demo/index.html", o.headers().get("location"));
    }

    @Test
    void trustedProxyWithForwardedProtoHttps_passes_withHsts() throws Exception {
        Outcome o =
                run(
                        filter(false, "10.1.0.0/16"),
                        false,
                        "10.1.2.3",
                        "POST",
                        "/api/v1/tokens",
                        Map.of("X-Forwarded-Proto", "https"));
        assertTrue(o.passedOn());
        assertEquals(TransportPolicy.HSTS, o.headers().get("strict-transport-security"));
        // the same header from an address that is not a trusted proxy counts for nothing
        Outcome spoofed =
                run(
                        filter(false, "10.1.0.0/16"),
                        false,
                        "10.2.0.1",
                        "POST",
                        "/api/v1/tokens",
                        Map.of("X-Forwarded-Proto", "https"));
        assertFalse(spoofed.passedOn());
        assertEquals(403, spoofed.status());
    }

    @Test
    void https_passes_withHsts_andLoopbackHttp_passes_without() throws Exception {
        Outcome tls =
                run(filter(false, null), true, "203.0.113.9", "GET", "/api/v1/tokens/x", Map.of());
        assertTrue(tls.passedOn());
        assertEquals(TransportPolicy.HSTS, tls.headers().get("strict-transport-security"));
        Outcome local =
                run(filter(false, null), false, "127.0.0.1", "GET", "/api/v1/tokens/x", Map.of());
        assertTrue(local.passedOn());
        assertNull(local.headers().get("strict-transport-security"));
    }

    @Test
    void demoMode_servesPlainHttp_toEveryone() throws Exception {
        Outcome o =
                run(filter(true, null), false, "203.0.113.9", "POST", "/api/v1/tokens", Map.of());
        assertTrue(o.passedOn());
    }
}
