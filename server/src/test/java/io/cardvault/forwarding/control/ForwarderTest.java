package io.cardvault.forwarding.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.cardvault.cards.control.BrandCatalog;
import io.cardvault.cards.entity.CardNumber;
import io.cardvault.crypto.control.Keyring;
import io.cardvault.egress.control.DestinationPolicy;
import io.cardvault.egress.entity.EgressProblem;
import io.cardvault.forwarding.entity.ForwardRequest;
import io.cardvault.forwarding.entity.RelayedResponse;
import io.cardvault.forwarding.http.ForwardClient;
import io.cardvault.forwarding.http.HeaderRules;
import io.cardvault.forwarding.http.ResponseRedactor;
import io.cardvault.forwarding.http.TenantPermits;
import io.cardvault.idempotency.control.Idempotency;
import io.cardvault.platform.control.Jdbc;
import io.cardvault.platform.control.Problems;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.control.TenantRegistry;
import io.cardvault.tenants.entity.Caller;
import io.cardvault.tenants.entity.KeyKind;
import io.cardvault.tenants.entity.TenantId;
import io.cardvault.testing.Beans;
import io.cardvault.testing.TestVault;
import io.cardvault.testing.VaultFixture;
import io.cardvault.tokens.control.TokenVault;
import io.cardvault.tokens.entity.CardInput;
import io.cardvault.tokens.entity.TokenId;
import io.cardvault.tokens.entity.TokenProblem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forward flow end to end without a container: real stores on in-memory H2, real egress policy,
 * HTTP client and redaction, and a destination on 127.0.0.1 that echoes what it received.
 */
class ForwarderTest {

    private static final String VISA = "4111111111111111";
    private static final String MASTER = java.util.Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir java.nio.file.Path dataDir;

    private VaultFixture fixture;

    private HttpServer destination;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReference<String> received = new AtomicReference<>();
    private final AtomicReference<String> journalWhenCalled = new AtomicReference<>();
    private Forwarder forwarder;
    private AuditLog audit;
    private TokenVault vault;
    private Caller caller;
    private TokenId token;
    private String url;

    @BeforeEach
    void setUp() throws IOException {
        destination =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        destination.createContext(
                "/pay",
                exchange -> {
                    calls.incrementAndGet();
                    journalWhenCalled.set(journal());
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    received.set(new String(body, StandardCharsets.UTF_8));
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        destination.start();
        url = "http://127.0.0.1:" + destination.getAddress().getPort() + "/pay";

        fixture = new VaultFixture(dataDir, MASTER, null);
        Jdbc jdbc = fixture.db.jdbc;
        Keyring keyring = fixture.keyring;
        Idempotency idempotency = fixture.idempotency;
        vault = fixture.vault;
        TenantRegistry registry = TestVault.tenantRegistry(jdbc);

        ForwardCall call = new ForwardCall();
        call.rendering = new ForwardRendering();
        call.rendering.policy = new DestinationPolicy();
        call.redactor = new ResponseRedactor();
        call.headerRules = new HeaderRules();
        call.client = Beans.call(new ForwardClient(), "init");
        call.permits = Beans.set(new TenantPermits(), "maxConcurrent", 4);
        call.vault = vault;
        audit = Beans.set(new AuditLog(), "jdbc", jdbc);
        audit.database = fixture.db.database;
        audit.open();
        call.audit = audit;
        forwarder = new Forwarder();
        forwarder.tenants = registry;
        forwarder.keyring = keyring;
        forwarder.replays = new ForwardReplays();
        forwarder.replays.idempotency = idempotency;
        forwarder.replays.keyring = keyring;
        forwarder.replays.vault = vault;
        forwarder.audit = audit;
        forwarder.call = call;
        forwarder.headerRules = new HeaderRules();
        forwarder.problems = Beans.set(new Problems(), "publicUrl", "http://localhost:8080");

        TenantRegistry.Created shop =
                registry.create(
                        "Shop",
                        List.of("https://shop.example"),
                        List.of("http://127.0.0.1:" + destination.getAddress().getPort() + "/*"));
        caller = new Caller(shop.tenant().id(), KeyKind.SECRET, "sk_test");
        token =
                vault.create(
                                shop.tenant().id(),
                                new CardInput(
                                        CardNumber.of(VISA),
                                        12,
                                        2030,
                                        Optional.of("123"),
                                        Optional.empty(),
                                        BrandCatalog.standard().detect(VISA)))
                        .id();
    }

    @AfterEach
    void tearDown() {
        destination.stop(0);
        fixture.close();
    }

    /** Every line of the forward audit journal's segments under the data directory. */
    private String journal() {
        try (java.util.stream.Stream<java.nio.file.Path> files =
                java.nio.file.Files.walk(dataDir)) {
            StringBuilder all = new StringBuilder();
            for (java.nio.file.Path p :
                    files.filter(f -> f.getFileName().toString().endsWith(".journal")).toList()) {
                all.append(java.nio.file.Files.readString(p));
            }
            return all.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void forward_isOnRecordBeforeTheRequestLeaves() {
        audit.mover.shutdownNow(); // so the journal still holds it when the destination looks
        RelayedResponse r = forwarder.forward(caller, request("{\"n\":\"{{ number }}\"}"));

        String atSend = journalWhenCalled.get();
        assertTrue(atSend.contains(r.forwardId()), "the journal held the forward when it was sent");
        assertTrue(atSend.contains("\"error\":\"in-flight\""), atSend);
        assertFalse(atSend.contains(VISA), "no card data in the journal");
        assertEquals(200, audit.recent(caller.tenantId(), 10).get(0).status());
    }

    @Test
    void crashAfterSending_leavesAnInterruptedRow_neverNoRow() {
        audit.mover.shutdownNow(); // the process dies: nothing moves the journal any more
        AuditLog.Entry sent =
                new AuditLog.Entry(
                        "0b8c9f2e-1111-4c2b-9c41-0d1e5a6b7c8d",
                        caller.tenantId(),
                        token.value(),
                        "POST",
                        "127.0.0.1",
                        "/pay",
                        0,
                        0,
                        null,
                        System.currentTimeMillis(),
                        false);
        audit.sending(sent);

        AuditLog restarted = Beans.set(new AuditLog(), "jdbc", fixture.db.jdbc);
        restarted.database = fixture.db.database;
        restarted.open();
        List<AuditLog.Entry> rows = restarted.recent(caller.tenantId(), 10);

        assertEquals(1, rows.size());
        assertEquals(sent.forwardId(), rows.get(0).forwardId());
        assertEquals(AuditLog.INTERRUPTED, rows.get(0).errorCode());
        assertFalse(journal().contains(sent.forwardId()), "the journal is emptied once stored");
        restarted.close();
    }

    @Test
    void journal_lineCutShortByACrash_isSkipped_theRestStored() {
        AuditLog.Entry e =
                new AuditLog.Entry(
                        "5d7f3a10-2222-4b8e-8f1a-2c3d4e5f6a7b",
                        caller.tenantId(),
                        token.value(),
                        "POST",
                        "127.0.0.1",
                        "/pay",
                        201,
                        3,
                        null,
                        1_700_000_000_000L,
                        false);
        String line = AuditJournal.line(e);
        assertEquals(e, AuditJournal.parse(line).orElseThrow());
        assertTrue(AuditJournal.parse(line.substring(0, line.length() / 2)).isEmpty());
    }

    private ForwardRequest request(String body, String... extraHeaders) {
        Map<String, List<String>> headers = new java.util.HashMap<>();
        headers.put("x-forward-url", List.of(url));
        headers.put("x-token-id", List.of(token.value()));
        headers.put("content-type", List.of("application/json"));
        for (int i = 0; i < extraHeaders.length; i += 2) {
            headers.put(extraHeaders[i], List.of(extraHeaders[i + 1]));
        }
        return new ForwardRequest("POST", headers, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void forward_injectsCardForDestination_redactsItForMerchant_andAudits() {
        RelayedResponse r = forwarder.forward(caller, request("{\"n\":\"{{ number }}\"}"));

        assertEquals(200, r.status());
        assertTrue(received.get().contains(VISA), "the destination got the number");
        String relayed = new String(r.body(), StandardCharsets.UTF_8);
        assertFalse(relayed.contains(VISA), "the merchant never sees the number");
        List<AuditLog.Entry> entries = audit.recent(caller.tenantId(), 10);
        assertEquals(1, entries.size());
        assertEquals(200, entries.get(0).status());
        assertEquals("127.0.0.1", entries.get(0).host());
    }

    @Test
    void forward_withIdempotencyKey_callsDestinationOnce() {
        ForwardRequest req =
                request("{\"n\":\"{{ number | tail(4) }}\"}", "idempotency-key", "pay-1");
        RelayedResponse first = forwarder.forward(caller, req);
        RelayedResponse again = forwarder.forward(caller, req);
        assertEquals(1, calls.get());
        assertEquals(first.forwardId(), again.forwardId());
        assertEquals(
                new String(first.body(), StandardCharsets.UTF_8),
                new String(again.body(), StandardCharsets.UTF_8));
    }

    @Test
    void forward_destinationNotAllowed_sendsNothing_auditsTheRefusal() {
        url = "http://127.0.0.2:9/pay";
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () -> forwarder.forward(caller, request("{\"n\":\"{{ number }}\"}")));
        assertEquals(EgressProblem.DESTINATION_NOT_ALLOWED, e.type());
        assertEquals(0, calls.get());
        assertEquals(
                "destination-not-allowed", audit.recent(caller.tenantId(), 10).get(0).errorCode());
    }

    @Test
    void forward_deletedToken_notFound_sendsNothing() {
        vault.delete(caller.tenantId(), token);
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () -> forwarder.forward(caller, request("{\"n\":\"{{ number }}\"}")));
        assertEquals(TokenProblem.TOKEN_NOT_FOUND, e.type());
        assertEquals(0, calls.get());
    }

    @Test
    void forward_otherTenantsToken_notFound() {
        Caller stranger = new Caller(TenantId.random(), KeyKind.SECRET, "sk_other");
        assertThrows(
                ProblemException.class,
                () -> forwarder.forward(stranger, request("{\"n\":\"{{ number }}\"}")));
        assertEquals(0, calls.get());
    }
}
