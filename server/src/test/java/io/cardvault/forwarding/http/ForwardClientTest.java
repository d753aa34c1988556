package io.cardvault.forwarding.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.cardvault.forwarding.entity.ForwardProblem;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.testing.Beans;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a real HTTP/1.1 server on loopback: it runs its dependent tasks in the
 * triggering thread (no pool hand-off per answer), and still completes every exchange, whether the
 * answer is streamed in pieces, too large, cut off or never comes.
 */
class ForwardClientTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private ForwardClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext(
                "/pieces",
                ex -> {
                    ex.getRequestBody().readAllBytes();
                    ex.sendResponseHeaders(200, 0); // chunked
                    try (OutputStream out = ex.getResponseBody()) {
                        for (int i = 0; i < 64; i++) {
                            out.write(("piece-" + i + ";").repeat(50).getBytes(UTF_8));
                            out.flush();
                        }
                    }
                });
        server.createContext(
                "/large",
                ex -> {
                    ex.sendResponseHeaders(200, 0); // chunked: no declared length to refuse
                    try (OutputStream out = ex.getResponseBody()) {
                        byte[] kb = new byte[1024];
                        for (int i = 0; i < 256; i++) {
                            out.write(kb);
                        }
                    } catch (IOException expected) {
                        // the client cancelled
                    }
                });
        server.createContext(
                "/cut",
                ex -> {
                    ex.sendResponseHeaders(200, 10_000);
                    ex.getResponseBody().write("only part".getBytes(UTF_8));
                    ex.getResponseBody().flush();
                    ex.close(); // fewer bytes than declared, then the connection goes
                });
        server.createContext(
                "/silent",
                ex -> {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    ex.sendResponseHeaders(204, -1);
                    ex.close();
                });
        server.start();
        client = new ForwardClient();
        Beans.set(client, "timeout", "PT1S");
        Beans.set(client, "connectTimeout", "PT5S");
        Beans.set(client, "maxResponse", 64 * 1024);
        Beans.call(client, "init");
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void dependentTasks_runInTheTriggeringThread_notAPool() {
        assertSame(ForwardClient.SAME_THREAD, client.executor());
        Thread caller = Thread.currentThread();
        Thread[] ran = new Thread[1];
        ForwardClient.SAME_THREAD.execute(() -> ran[0] = Thread.currentThread());
        assertSame(caller, ran[0]);
    }

    @Test
    void answerStreamedInPieces_isCollectedWhole() {
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            expected.append(("piece-" + i + ";").repeat(50));
        }
        HttpResponse<byte[]> r =
                assertTimeoutPreemptively(BOUND, () -> client.send(post("/pieces")));
        assertEquals(200, r.statusCode());
        assertArrayEquals(expected.toString().getBytes(UTF_8), r.body());
    }

    @Test
    void manyForwardsAtOnce_allAnswered() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            AtomicInteger ok = new AtomicInteger();
            java.util.List<Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                done.add(
                        callers.submit(
                                () -> {
                                    HttpResponse<byte[]> r = client.send(post("/pieces"));
                                    if (r.statusCode() == 200 && r.body().length > 0) {
                                        ok.incrementAndGet();
                                    }
                                    return null;
                                }));
            }
            for (Future<?> f : done) {
                f.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            }
            assertEquals(200, ok.get());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void answerGrowingPastTheLimit_failsWithoutHanging() {
        IOException e =
                assertTimeoutPreemptively(
                        BOUND,
                        () -> assertThrows(IOException.class, () -> client.send(post("/large"))));
        assertEquals(ForwardProblem.RESPONSE_TOO_LARGE, problemIn(e));
    }

    @Test
    void answerCutOff_failsWithoutHanging() {
        assertTimeoutPreemptively(
                BOUND, () -> assertThrows(IOException.class, () -> client.send(post("/cut"))));
    }

    @Test
    void noAnswer_timesOutAtTheRequestTimeout() {
        long start = System.nanoTime();
        assertTimeoutPreemptively(
                BOUND,
                () -> assertThrows(HttpTimeoutException.class, () -> client.send(post("/silent"))));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms >= 900 && ms < 10_000, "timed out after " + ms + " ms");
    }

    private static Object problemIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return p.type();
            }
        }
        return null;
    }

    private HttpRequest post(String path) {
        return HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .timeout(client.timeout())
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":1999}"))
                .build();
    }
}
