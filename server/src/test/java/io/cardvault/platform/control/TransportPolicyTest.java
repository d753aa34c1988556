package io.cardvault.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.platform.control.TransportPolicy.Redirect;
import io.cardvault.platform.control.TransportPolicy.Refuse;
import io.cardvault.platform.control.TransportPolicy.Request;
import io.cardvault.platform.control.TransportPolicy.Rules;
import io.cardvault.platform.control.TransportPolicy.Serve;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The HTTPS rules of docs/api.md, with requests built by hand (no socket, no container). */
class TransportPolicyTest {

    static final Rules PRODUCTION =
            new Rules(
                    false,
                    TransportPolicy.parseProxies("10.0.0.5, 192.168.0.0/16, fd00::/8"),
                    Optional.of(8443),
                    "http://localhost:8080");

    static Request api(boolean tls, String remote, String proto) {
        return new Request(tls, remote, proto, "POST", "/api/v1/tokens", null, "vault.example");
    }

    static Request page(boolean tls, String remote, String proto) {
        return new Request(tls, remote, proto, "GET", "/demo/", "a=1", "vault.example");
    }

    @Test
    void https_isServed_withHsts_fromAnywhere() {
        assertEquals(
                new Serve(true),
                TransportPolicy.decide(PRODUCTION, api(true, "203.0.113.9", null)));
        assertEquals(
                new Serve(true), TransportPolicy.decide(PRODUCTION, page(true, "127.0.0.1", null)));
    }

    @Test
    void plainHttp_fromLoopback_isServed_withoutHsts() {
        for (String loopback :
                new String[] {"127.0.0.1", "127.8.9.10", "::1", "0:0:0:0:0:0:0:1", "[::1]"}) {
            assertEquals(
                    new Serve(false),
                    TransportPolicy.decide(PRODUCTION, api(false, loopback, null)),
                    loopback);
        }
    }

    @Test
    void plainHttp_apiRequest_fromNonLoopback_isRefused() {
        for (String remote :
                new String[] {"203.0.113.9", "10.0.0.6", "2001:db8::1", "::ffff:203.0.113.9"}) {
            assertEquals(
                    new Refuse(),
                    TransportPolicy.decide(PRODUCTION, api(false, remote, null)),
                    remote);
        }
        // a header from an untrusted sender counts for nothing
        assertEquals(
                new Refuse(),
                TransportPolicy.decide(PRODUCTION, api(false, "203.0.113.9", "https")));
        // every method of the API, GET included
        assertEquals(
                new Refuse(),
                TransportPolicy.decide(
                        PRODUCTION,
                        new Request(
                                false,
                                "203.0.113.9",
                                null,
                                "GET",
                                "/api/v1/tokens/tok_1",
                                null,
                                "vault.example")));
    }

    @Test
    void plainHttp_pageRequest_fromNonLoopback_isRedirectedToHttps() {
        assertEquals(
                new Redirect("https://vault.example:8443/demo/?a=1"),
                TransportPolicy.decide(PRODUCTION, page(false, "203.0.113.9", null)));
        Rules publicHttps =
                new Rules(
                        false, PRODUCTION.trusted(), Optional.empty(), "https://pay.example.com/");
        assertEquals(
                new Redirect("https://pay.example.com/demo/?a=1"),
                TransportPolicy.decide(publicHttps, page(false, "203.0.113.9", null)));
        // no HTTPS address known: nothing to redirect to
        Rules noHttps =
                new Rules(false, PRODUCTION.trusted(), Optional.empty(), "http://x.example");
        assertEquals(
                new Refuse(), TransportPolicy.decide(noHttps, page(false, "203.0.113.9", null)));
        // a Host header that is not a host name is never echoed into a Location
        assertEquals(
                new Refuse(),
                TransportPolicy.decide(
                        PRODUCTION,
                        new Request(
                                false,
                                "203.0.113.9",
                                null,
                                "GET",
                                "/demo/",
                                null,
                                "evil\r\nx: y")));
        // a form post to a page is not a page view
        assertEquals(
                new Refuse(),
                TransportPolicy.decide(
                        PRODUCTION,
                        new Request(
                                false,
                                "203.0.113.9",
                                null,
                                "POST",
                                "/sandbox/psp/v1/payments",
                                null,
                                "vault.example")));
    }

    @Test
    void trustedProxy_withForwardedProtoHttps_isSecure() {
        assertEquals(
                new Serve(true),
                TransportPolicy.decide(PRODUCTION, api(false, "10.0.0.5", "https")));
        assertEquals(
                new Serve(true),
                TransportPolicy.decide(PRODUCTION, api(false, "192.168.4.2", "HTTPS, http")));
        assertEquals(
                new Serve(true),
                TransportPolicy.decide(PRODUCTION, api(false, "fd12::7", "https")));
    }

    @Test
    void trustedProxy_sayingHttp_isRefused_evenOnLoopback() {
        assertEquals(
                new Refuse(), TransportPolicy.decide(PRODUCTION, api(false, "10.0.0.5", "http")));
        Rules loopbackProxy =
                new Rules(
                        false,
                        TransportPolicy.parseProxies("127.0.0.1"),
                        Optional.empty(),
                        "http://l");
        assertEquals(
                new Refuse(),
                TransportPolicy.decide(loopbackProxy, api(false, "127.0.0.1", "http")));
        assertEquals(
                new Serve(true),
                TransportPolicy.decide(loopbackProxy, api(false, "127.0.0.1", "https")));
        // without the header a loopback proxy's own request is a loopback request
        assertEquals(
                new Serve(false),
                TransportPolicy.decide(loopbackProxy, api(false, "127.0.0.1", null)));
        // a trusted proxy without the header is an ordinary non-loopback client
        assertEquals(
                new Refuse(), TransportPolicy.decide(PRODUCTION, api(false, "10.0.0.5", null)));
    }

    @Test
    void demoMode_servesPlainHttp_fromAnywhere() {
        Rules demo =
                new Rules(true, java.util.List.of(), Optional.empty(), "http://localhost:8080");
        assertEquals(
                new Serve(false), TransportPolicy.decide(demo, api(false, "203.0.113.9", null)));
        assertEquals(new Serve(true), TransportPolicy.decide(demo, api(true, "203.0.113.9", null)));
    }

    @Test
    void badTrustedProxies_failLoudly_andNeverResolveNames() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> TransportPolicy.parseProxies("proxy.example"));
        assertTrue(e.getMessage().contains("cardvault.trusted-proxies"));
        assertThrows(
                IllegalStateException.class, () -> TransportPolicy.parseProxies("10.0.0.0/33"));
        assertEquals(0, TransportPolicy.parseProxies(" , ").size());
        assertTrue(TransportPolicy.literal("localhost").isEmpty());
        assertTrue(TransportPolicy.literal(null).isEmpty());
    }
}
