package io.cardvault.it;

import static io.cardvault.it.ForwardSupport.mask;
import static io.cardvault.it.ForwardSupport.token;
import static io.cardvault.it.ForwardSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.it.Api.Reply;
import io.cardvault.it.MockPsp.Received;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 200 forwards in parallel (16 threads, below the per-tenant limit of 32) with six tokens of three
 * brands: every forward must carry exactly its own token's card to the PSP, and every merchant
 * response must carry that card masked — no cross-talk between concurrent requests.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ForwardingConcurrencyIT {

    static final int FORWARDS = 200;
    static final int THREADS = 16;

    record Card(String pan, int month, int year, String masked) {}

    static final List<Card> CARDS =
            List.of(
                    new Card("4111111111111111", 1, 2031, "411111******1111"),
                    new Card("5555555555554444", 2, 2032, "555555******4444"),
                    new Card("378282246310005", 3, 2033, "378282*****0005"),
                    new Card("4111111111111111", 4, 2034, "411111******1111"),
                    new Card("5555555555554444", 5, 2035, "555555******4444"),
                    new Card("378282246310005", 6, 2036, "378282*****0005"));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.realWar();
    }

    @ArquillianResource URL base;

    static MockPsp psp;

    @BeforeAll
    static void startMock() throws IOException {
        psp = new MockPsp();
    }

    @AfterAll
    static void stopMock() {
        if (psp != null) {
            psp.close();
        }
    }

    @Test
    void parallelForwards_eachCarriesItsOwnCard_andIsMaskedBack() throws Exception {
        Api api = new Api(base);
        JsonObject tenant =
                api.createTenant(
                        "Forwarding concurrency " + UUID.randomUUID(),
                        "[\"https://shop.example\"]",
                        "[\"" + psp.base() + "/*\"]");
        String sk = tenant.getString("secretKey");
        List<String> tokens = new ArrayList<>();
        Map<String, Card> cardOf = new HashMap<>();
        for (Card c : CARDS) {
            String id = token(api, sk, c.pan(), c.month(), c.year(), null, null);
            tokens.add(id);
            cardOf.put(id, c);
        }
        int before = psp.hits();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < FORWARDS; i++) {
                int n = i;
                String tokenId = tokens.get(i % tokens.size());
                Callable<String> task =
                        () -> {
                            String body =
                                    "{\"ref\":"
                                            + n
                                            + ",\"token\":\""
                                            + tokenId
                                            + "\",\"pan\":\"{{ number }}\","
                                            + "\"exp\":\"{{ expiryMonth | pad(2) }}/{{ expiryYear | tail(2) }}\"}";
                            Reply r =
                                    ForwardSupport.send(
                                            api,
                                            "POST",
                                            utf8(body),
                                            "x-api-key",
                                            sk,
                                            "content-type",
                                            "application/json",
                                            "x-forward-url",
                                            psp.base() + "/echo/pay/" + n,
                                            "x-token-id",
                                            tokenId,
                                            "x-ref",
                                            String.valueOf(n));
                            return check(n, cardOf.get(tokenId), r);
                        };
                results.add(pool.submit(task));
            }
            pool.shutdown();
            assertTrue(
                    pool.awaitTermination(120, TimeUnit.SECONDS),
                    "200 forwards must finish within 120 s");
        } finally {
            pool.shutdownNow();
        }
        List<String> problems = new ArrayList<>();
        for (Future<String> f : results) {
            String problem = f.get(1, TimeUnit.SECONDS);
            if (problem != null) {
                problems.add(problem);
            }
        }
        assertTrue(
                problems.isEmpty(),
                problems.size()
                        + " forwards went wrong, first: "
                        + (problems.isEmpty() ? "" : problems.get(0)));

        assertEquals(
                before + FORWARDS, psp.hits(), "the PSP must see exactly one request per forward");
        List<Received> seen = psp.received().subList(before, before + FORWARDS);
        Set<Integer> refs = new HashSet<>();
        for (Received got : seen) {
            JsonObject json = Json.createReader(new StringReader(got.bodyText())).readObject();
            int ref = json.getInt("ref");
            Card expected = cardOf.get(json.getString("token"));
            assertNotNull(expected, "request " + ref + " names a token of this test");
            String pan = json.getString("pan");
            assertTrue(
                    pan.length() == expected.pan().length()
                            && pan.endsWith(expected.pan().substring(expected.pan().length() - 4)),
                    "request "
                            + ref
                            + " carried another token's card (compared by length and last4)");
            assertTrue(
                    pan.equals(expected.pan()), "request " + ref + " carried a wrong card number");
            assertTrue(
                    String.format("%02d/%02d", expected.month(), expected.year() % 100)
                            .equals(json.getString("exp")),
                    "request " + ref + " carried another token's expiry");
            assertEquals(
                    String.valueOf(ref),
                    got.header("x-ref"),
                    "headers and body of one forward stay together");
            assertEquals(
                    "/echo/pay/" + ref, got.path(), "URL and body of one forward stay together");
            assertTrue(refs.add(ref), "request " + ref + " arrived twice");
        }
        assertEquals(FORWARDS, refs.size());
    }

    /**
     * @return null when the merchant got the right, masked answer, else a description without card
     *     data
     */
    private static String check(int n, Card card, Reply r) {
        if (r.status() != 200) {
            return "forward " + n + " answered " + r.status() + ": " + mask(r.body());
        }
        if (r.header("x-cardvault-forward-id") == null) {
            return "forward " + n + " has no x-cardvault-forward-id";
        }
        String body = r.body();
        for (Card c : CARDS) {
            if (body.contains(c.pan())) {
                return "forward " + n + " relayed a clear PAN to the merchant";
            }
        }
        JsonObject json;
        try {
            json = Json.createReader(new StringReader(body)).readObject();
        } catch (RuntimeException e) {
            return "forward " + n + " relayed no JSON: " + mask(body);
        }
        if (json.getInt("ref", -1) != n) {
            return "forward " + n + " got the answer of forward " + json.getInt("ref", -1);
        }
        if (!card.masked().equals(json.getString("pan", ""))) {
            return "forward "
                    + n
                    + " got "
                    + mask(json.getString("pan", ""))
                    + " instead of "
                    + card.masked();
        }
        return null;
    }
}
