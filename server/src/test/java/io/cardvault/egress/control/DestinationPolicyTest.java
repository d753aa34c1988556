package io.cardvault.egress.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.egress.entity.Destination;
import io.cardvault.egress.entity.DestinationNotAllowedException;
import io.cardvault.egress.entity.DestinationUnresolvableException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationPolicyTest {

    private static final List<String> PATTERNS =
            List.of(
                    "https://api.psp.example/v1/*",
                    "https://*.wild.example",
                    "https://exact.example/pay",
                    "https://any.example",
                    "https://port.example:8443/*",
                    "http://127.0.0.1:9999/*",
                    "http://localhost:9999/*",
                    "https://rebind.example/*",
                    "https://mixed.example/*",
                    "https://meta.example/*",
                    "https://v6.example/*",
                    "https://mapped.example/*",
                    "https://nxdomain.example/*",
                    "https://bücher.example/*",
                    "https://[2001:4860:4860:0::8888]/*",
                    "not a pattern at all",
                    "https://*.com");

    private static final Map<String, List<String>> DNS =
            Map.ofEntries(
                    Map.entry("api.psp.example", List.of("93.184.216.34")),
                    Map.entry("a.wild.example", List.of("93.184.216.35")),
                    Map.entry("exact.example", List.of("93.184.216.36")),
                    Map.entry("any.example", List.of("2606:2800:220:1:248:1893:25c8:1946")),
                    Map.entry("port.example", List.of("93.184.216.37")),
                    Map.entry("localhost", List.of("127.0.0.1")),
                    Map.entry("rebind.example", List.of("127.0.0.1")),
                    Map.entry("mixed.example", List.of("93.184.216.34", "10.0.0.1")),
                    Map.entry("meta.example", List.of("169.254.169.254")),
                    Map.entry("v6.example", List.of("::1")),
                    Map.entry("mapped.example", List.of("::ffff:127.0.0.1")),
                    Map.entry("xn--bcher-kva.example", List.of("93.184.216.38")));

    private final List<String> lookedUp = new ArrayList<>();
    private final DestinationPolicy policy = new DestinationPolicy(this::fakeResolve);

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = ' ',
            value = {
                "https://api.psp.example/v1/payments https://api.psp.example/v1/payments 443 93.184.216.34",
                "HTTPS://API.PSP.Example/v1/payments https://api.psp.example/v1/payments 443 93.184.216.34",
                "https://api.psp.example:443/v1/payments https://api.psp.example/v1/payments 443 93.184.216.34",
                "https://api.psp.example./v1/payments https://api.psp.example/v1/payments 443 93.184.216.34",
                "https://api.psp.example/v1/payments?a=1&x=%7B%7D#frag https://api.psp.example/v1/payments?a=1&x=%7B%7D 443 93.184.216.34",
                "https://api.psp.example/v1/pay%6dents%c3%a9 https://api.psp.example/v1/payments%C3%A9 443 93.184.216.34",
                "https://api.psp.example/v1/ https://api.psp.example/v1/ 443 93.184.216.34",
                "https://a.wild.example/anything/here https://a.wild.example/anything/here 443 93.184.216.35",
                "https://any.example https://any.example/ 443 2606:2800:220:1:248:1893:25c8:1946",
                "https://exact.example/pay?x=1 https://exact.example/pay?x=1 443 93.184.216.36",
                "https://port.example:8443/x https://port.example:8443/x 8443 93.184.216.37",
                "http://127.0.0.1:9999/test http://127.0.0.1:9999/test 9999 127.0.0.1",
                "https://BÜCHER.example/x https://xn--bcher-kva.example/x 443 93.184.216.38",
                "https://[2001:4860:4860::8888]/dns https://[2001:4860:4860:0:0:0:0:8888]/dns 443 2001:4860:4860::8888",
            })
    void check_allowedUrl_returnsNormalisedDestination(
            String url, String expectedUri, int port, String address) throws Exception {
        Destination destination = policy.check(url, PATTERNS);
        assertEquals(expectedUri, destination.uri().toString());
        assertEquals(port, destination.port());
        assertEquals(InetAddress.getByName(address), destination.address());
        assertEquals(url.toLowerCase().startsWith("https"), destination.https());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "http://api.psp.example/v1/pay",
                "ftp://api.psp.example/v1/pay",
                "javascript://api.psp.example/v1/pay",
                "https://user@api.psp.example/v1/pay",
                "https://user:pw@api.psp.example/v1/pay",
                "https://api.psp.example@evil.example/v1/pay",
                "https://api.psp.example:443@evil.example/v1/pay",
                "https://evil.example/v1/pay",
                "https://api.psp.example.evil.example/v1/pay",
                "https://evilapi.psp.example/v1/pay",
                "https://api.psp.example/v2/pay",
                "https://api.psp.example/v1",
                "https://api.psp.example/",
                "https://api.psp.example/v1/../admin",
                "https://api.psp.example/v1/%2e%2e/admin",
                "https://api.psp.example/v1/%2E%2E/admin",
                "https://api.psp.example/v1/.%2e/admin",
                "https://api.psp.example/v1%2fadmin",
                "https://api.psp.example/v1/%2Fadmin",
                "https://api.psp.example/v1/%5cadmin",
                "https://api.psp.example/v1/./pay",
                "https://api.psp.example/v1//pay",
                "https://api.psp.example\\@evil.example/v1/",
                "https://api.psp.example/v1/pay\\..\\..\\admin",
                " https://api.psp.example/v1/pay",
                "https://api.psp.example/v1/pay\n",
                "https://api.psp.example/v1/p\tay",
                "https://api.psp.example/v1/p ay",
                "https://api.psp.example/v1/pay@evil",
                "https://api.psp.example/v1/pay%zz",
                "https://api.psp.example/v1/pay%2",
                "https://api.psp.example/v1/{{number}}",
                "https://api.psp.example/v1/pay?q=<script>",
                "https://api.psp.example/v1/pay?q=a b",
                "https://api.psp.example:444/v1/pay",
                "https://api.psp.example:0/v1/",
                "https://api.psp.example:99999/v1/",
                "https://api.psp.example:/v1/",
                "https://api.psp.example:+443/v1/",
                "https:///v1/pay",
                "https://:443/v1/pay",
                "https://%61pi.psp.example/v1/pay",
                "https://api%2epsp.example/v1/pay",
                "https://api.psp.example../v1/pay",
                "https://api..psp.example/v1/pay",
                "https://api_psp.example/v1/pay",
                "https://аpi.psp.example/v1/pay",
                "https://wild.example/",
                "https://a.b.wild.example/",
                "https://exact.example/pay/",
                "https://exact.example/PAY",
                "https://exact.example/pay/x",
                "http://127.0.0.1:9998/x",
                "http://127.0.0.1/x",
                "http://2130706433:9999/x",
                "http://0177.0.0.1:9999/x",
                "http://0x7f.1:9999/x",
                "http://0x7f000001:9999/x",
                "http://127.1:9999/x",
                "http://127.000.000.001:9999/x",
                "http://127.0.0.1.:9999/../x",
                "http://１２７.０.０.１:9999/x",
                "http://[::ffff:127.0.0.1]:9999/x",
                "http://[::ffff:7f00:1]:9999/x",
                "http://[::1]:9999/x",
                "https://[fe80::1%25eth0]/x",
                "https://[::1/x",
                "https://93.184.216.34/v1/pay",
                "http://localhost:9999/x",
                "https://rebind.example/x",
                "https://mixed.example/x",
                "https://meta.example/latest/meta-data",
                "https://v6.example/x",
                "https://mapped.example/x",
                "https://com/",
                "api.psp.example/v1/pay",
                "//api.psp.example/v1/pay",
                "https:api.psp.example/v1/pay",
                "",
            })
    void check_trickUrl_isRefused(String url) {
        assertThrows(DestinationNotAllowedException.class, () -> policy.check(url, PATTERNS));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://api.psp.example/v1/..;/admin",
                "https://api.psp.example/v1/..;jsessionid=1/admin",
                "https://api.psp.example/v1/.;/pay",
                "https://api.psp.example/v1/;x/pay",
                "https://api.psp.example/v1/%252e%252e/admin",
                "https://api.psp.example/v1/%252E%252E/admin",
                "https://api.psp.example/v1/%25252e%25252e/admin",
                "https://api.psp.example/v1/%C0%AE%C0%AE/admin",
                "https://api.psp.example/v1/%c0%ae./admin",
                "https://api.psp.example/v1/%E0%80%AE%E0%80%AE/admin",
                "https://api.psp.example/v1/%EF%BC%8E%EF%BC%8E/admin",
                "https://api.psp.example/v1/..%3B/admin",
                "https://api.psp.example/v1/%ff/pay",
            })
    void check_dotSegmentDisguisedAsParameterDoubleOrOverlongEncoding_isRefused(String url) {
        assertThrows(DestinationNotAllowedException.class, () -> policy.check(url, PATTERNS));
    }

    @Test
    void check_percentSignAndUtf8InPath_stillAllowed() {
        policy.check("https://api.psp.example/v1/100%25off", PATTERNS);
        policy.check("https://api.psp.example/v1/caf%C3%A9;v=1", PATTERNS);
    }

    @Test
    void check_unresolvableHost_throwsUnresolvable() {
        assertThrows(
                DestinationUnresolvableException.class,
                () -> policy.check("https://nxdomain.example/x", PATTERNS));
    }

    @Test
    void check_refusedUrl_neverResolves() {
        assertThrows(
                DestinationNotAllowedException.class,
                () -> policy.check("https://evil.example/", PATTERNS));
        assertTrue(lookedUp.isEmpty());
    }

    @Test
    void check_ipLiteral_neverResolves() {
        policy.check("http://127.0.0.1:9999/x", PATTERNS);
        assertTrue(lookedUp.isEmpty());
    }

    @Test
    void check_refusal_messageNeverContainsQuery() {
        DestinationNotAllowedException e =
                assertThrows(
                        DestinationNotAllowedException.class,
                        () ->
                                policy.check(
                                        "https://api.psp.example/v1/x?pan=4111111111111111 ",
                                        PATTERNS));
        assertFalse(e.getMessage().contains("4111"), e.getMessage());
        DestinationNotAllowedException other =
                assertThrows(
                        DestinationNotAllowedException.class,
                        () ->
                                policy.check(
                                        "https://evil.example/x?pan=4111111111111111", PATTERNS));
        assertFalse(other.getMessage().contains("4111"), other.getMessage());
    }

    @Test
    void check_resolvesToPrivateAddress_detailSaysOnlyNotAllowed() {
        for (String url : List.of("https://rebind.example/x", "https://mixed.example/x")) {
            DestinationNotAllowedException e =
                    assertThrows(
                            DestinationNotAllowedException.class,
                            () -> policy.check(url, PATTERNS));
            assertEquals("not allowed", e.getMessage());
        }
    }

    @Test
    void check_noPatterns_refusesEverything() {
        assertThrows(
                DestinationNotAllowedException.class,
                () -> policy.check("https://api.psp.example/v1/x", List.of()));
        assertThrows(
                DestinationNotAllowedException.class,
                () -> policy.check("https://api.psp.example/v1/x", null));
    }

    private List<InetAddress> fakeResolve(String host) throws UnknownHostException {
        lookedUp.add(host);
        List<String> addresses = DNS.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        List<InetAddress> result = new ArrayList<>();
        for (String literal : addresses) {
            result.add(InetAddress.getByName(literal)); // literals only: no DNS
        }
        return result;
    }
}
