package io.cardvault.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake payment provider on 127.0.0.1 (random port) for the forwarding tests. Every request is
 * recorded (method, path + raw query, headers with lower-case names, body bytes) before it is
 * answered. The answer depends on the first path segment:
 *
 * <ul>
 *   <li>{@code /ok/...} 200 JSON {@code {"received":<n bytes>}}, {@code /created/...} 201 the same;
 *   <li>{@code /echo/...} 200, the received body as it came, with the received Content-Type;
 *   <li>{@code /decline/...} 402 JSON body plus header {@code x-psp-trace};
 *   <li>{@code /fail/...} 500 JSON body, plus a {@code x-cardvault-error: true} the proxy must
 *       strip;
 *   <li>{@code /redirect/...} 302 with {@code Location: <base>/ok/after-redirect};
 *   <li>{@code /slow/...} sleeps {@link #SLOW_MILLIS} then answers 200;
 *   <li>{@code /echo-pan/...} takes the received body as a PAN (digits) and answers JSON with it
 *       plain, grouped by spaces and grouped by dashes;
 *   <li>{@code /echo-header/...?h=<name>} answers text with the value of the named request header.
 * </ul>
 */
final class MockPsp implements AutoCloseable {

    static final long SLOW_MILLIS = 7_000;

    record Received(
            String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String path() {
            int q = pathAndQuery.indexOf('?');
            return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        }

        String rawQuery() {
            int q = pathAndQuery.indexOf('?');
            return q < 0 ? null : pathAndQuery.substring(q + 1);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger hits = new AtomicInteger();

    MockPsp() throws IOException {
        server =
                HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
        executor =
                Executors.newFixedThreadPool(
                        48,
                        r -> {
                            Thread t = new Thread(r, "mock-psp");
                            t.setDaemon(true);
                            return t;
                        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String base() {
        return "http://127.0.0.1:" + port();
    }

    int hits() {
        return hits.get();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Received last() {
        if (received.isEmpty()) {
            throw new AssertionError("the mock PSP received nothing");
        }
        return received.get(received.size() - 1);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new TreeMap<>();
            ex.getRequestHeaders()
                    .forEach(
                            (name, values) ->
                                    headers.computeIfAbsent(
                                                    name.toLowerCase(Locale.ROOT),
                                                    n -> new ArrayList<>())
                                            .addAll(values));
            String rawQuery = ex.getRequestURI().getRawQuery();
            String pathAndQuery =
                    ex.getRequestURI().getRawPath() + (rawQuery == null ? "" : "?" + rawQuery);
            Received r = new Received(ex.getRequestMethod(), pathAndQuery, headers, body);
            received.add(r);
            hits.incrementAndGet();
            answer(ex, r);
        }
    }

    private void answer(HttpExchange ex, Received r) throws IOException {
        String path = r.path();
        String first = path.length() <= 1 ? "" : path.substring(1).split("/", 2)[0];
        switch (first) {
            case "ok" ->
                    send(ex, 200, "application/json", "{\"received\":" + r.body().length + "}");
            case "created" ->
                    send(
                            ex,
                            201,
                            "application/json",
                            "{\"received\":" + r.body().length + ",\"id\":\"pay_1\"}");
            case "echo" ->
                    send(
                            ex,
                            200,
                            r.header("content-type") == null
                                    ? "application/octet-stream"
                                    : r.header("content-type"),
                            r.body());
            case "decline" -> {
                ex.getResponseHeaders().add("x-psp-trace", "trace-402");
                send(ex, 402, "application/json", "{\"error\":\"card_declined\"}");
            }
            case "fail" -> {
                ex.getResponseHeaders().add("x-psp-trace", "trace-500");
                ex.getResponseHeaders().add("x-cardvault-error", "true");
                send(ex, 500, "application/json", "{\"error\":\"psp_down\"}");
            }
            case "redirect" -> {
                ex.getResponseHeaders().add("Location", base() + "/ok/after-redirect");
                send(ex, 302, "text/plain", "moved");
            }
            case "slow" -> {
                try {
                    Thread.sleep(SLOW_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                send(ex, 200, "application/json", "{\"late\":true}");
            }
            case "echo-pan" -> {
                String pan = r.bodyText().strip();
                send(
                        ex,
                        200,
                        "application/json",
                        "{\"plain\":\""
                                + pan
                                + "\",\"spaced\":\""
                                + grouped(pan, ' ')
                                + "\",\"dashed\":\""
                                + grouped(pan, '-')
                                + "\",\"status\":\"approved\"}");
            }
            case "echo-header" -> {
                String name = r.rawQuery() == null ? "" : r.rawQuery().replaceFirst("^h=", "");
                String value = r.header(name);
                send(ex, 200, "text/plain", value == null ? "<absent>" : value);
            }
            case "echo-variants" -> {
                // body "<pan>,<cvc>": the PAN printed every way a careless PSP might, in the body
                // and in headers, plus the CVC
                String[] parts = r.bodyText().strip().split(",");
                String pan = parts[0];
                String cvc = parts.length > 1 ? parts[1] : "";
                StringBuilder b = new StringBuilder();
                for (String sep : VARIANT_SEPARATORS) {
                    b.append(grouped(pan, sep)).append('\n');
                }
                b.append(fullwidth(pan)).append('\n');
                b.append(pan.substring(0, pan.length() - 1)).append('\n');
                b.append("cvc=").append(cvc).append('\n');
                ex.getResponseHeaders().add("x-echo-pan", pan);
                ex.getResponseHeaders().add("x-echo-dotted", grouped(pan, "."));
                ex.getResponseHeaders().add("x-echo-cvc", cvc);
                send(ex, 200, "text/plain; charset=utf-8", b.toString());
            }
            case "gzip-echo" -> {
                java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
                try (java.util.zip.GZIPOutputStream g =
                        new java.util.zip.GZIPOutputStream(zipped)) {
                    g.write(r.body());
                }
                ex.getResponseHeaders().add("Content-Encoding", "gzip");
                send(ex, 200, "text/plain", zipped.toByteArray());
            }
            case "brotli" -> {
                ex.getResponseHeaders().add("Content-Encoding", "br");
                send(ex, 200, "text/plain", new byte[] {0x0b, 0x02, (byte) 0x80, 0x41, 0x03});
            }
            case "big" -> {
                // ?n=<bytes>&chunked=1: a response of n bytes, streamed without Content-Length
                String q = r.rawQuery() == null ? "" : r.rawQuery();
                long n = Long.parseLong(q.replaceAll(".*n=([0-9]+).*", "$1"));
                boolean chunked = q.contains("chunked=1");
                ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
                ex.sendResponseHeaders(200, chunked ? 0 : n);
                try (OutputStream out = ex.getResponseBody()) {
                    byte[] block = new byte[64 * 1024];
                    java.util.Arrays.fill(block, (byte) 'a');
                    for (long sent = 0; sent < n; sent += block.length) {
                        out.write(block, 0, (int) Math.min(block.length, n - sent));
                    }
                } catch (IOException closedByProxy) {
                    // the proxy stops reading at its cap
                }
            }
            case "relative-redirect" -> {
                ex.getResponseHeaders().add("Location", "/relative/next?step=2");
                send(ex, 302, "text/plain", "moved");
            }
            default -> send(ex, 404, "text/plain", "no such mock route");
        }
    }

    static final List<String> VARIANT_SEPARATORS =
            List.of(".", "/", "_", "\t", "\n", "\u00a0", "%20", "  ", " - ", "\u3000");

    static String grouped(String digits, String separator) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                b.append(separator);
            }
            b.append(digits.charAt(i));
        }
        return b.toString();
    }

    static String fullwidth(String digits) {
        StringBuilder b = new StringBuilder();
        digits.chars().forEach(c -> b.append((char) ('\uFF10' + (c - '0'))));
        return b.toString();
    }

    /** Groups of four digits (the usual way a PAN is printed). */
    static String grouped(String digits, char separator) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                b.append(separator);
            }
            b.append(digits.charAt(i));
        }
        return b.toString();
    }

    private static void send(HttpExchange ex, int status, String contentType, String body)
            throws IOException {
        send(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] body)
            throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
