package io.cardvault.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The placeholder engine on a forward's request body: about 2 KB with 4 placeholders (number,
 * expiry month and year unwrapped, CVC), as JSON, form and XML. Target (issue 12): JSON at most 10
 * µs/op. Run with {@code -prof gc} for allocation per op.
 *
 * <p>{@code render} is the engine's {@code renderBody} alone; {@code forwardPath} is what the
 * forward endpoint does: one parse, the CVC check on the parsed template, the rendering.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class PlaceholderEngineBenchmark {

    @Param({"json", "form", "xml"})
    public String format;

    private final Engine engine = new Engine();
    private byte[] body;
    private String contentType;

    @Setup
    public void setUp() {
        switch (format) {
            case "json" -> {
                contentType = "application/json";
                body = Bodies.json();
            }
            case "form" -> {
                contentType = "application/x-www-form-urlencoded";
                body = Bodies.form();
            }
            case "xml" -> {
                contentType = "application/xml; charset=utf-8";
                body = Bodies.xml();
            }
            default -> throw new IllegalArgumentException(format);
        }
        if (engine.renderBody(body, contentType) == body) {
            throw new IllegalStateException("nothing replaced: the benchmark body is wrong");
        }
    }

    @Benchmark
    public byte[] render() {
        return engine.renderBody(body, contentType);
    }

    @Benchmark
    public byte[] forwardPath() {
        return engine.forwardPath(body, contentType);
    }

    /** Bodies of about 2 KB: a realistic payment request plus order lines as padding. */
    static final class Bodies {
        static final int TARGET = 2048;

        static byte[] json() {
            StringBuilder s = new StringBuilder(TARGET + 256);
            s.append("{\"amount\":1999,\"currency\":\"EUR\",\"reference\":\"order-2026-000123\",")
                    .append("\"card\":{\"number\":\"{{ number }}\",")
                    .append("\"expMonth\":\"{{ expiryMonth | unwrap }}\",")
                    .append("\"expYear\":\"{{ expiryYear | unwrap }}\",")
                    .append("\"cvc\":\"{{ cvc }}\"},")
                    .append("\"customer\":{\"email\":\"jane@example.com\",\"name\":\"Jane Doe\"},")
                    .append("\"lines\":[");
            int i = 0;
            while (s.length() < TARGET - 120) {
                if (i > 0) {
                    s.append(',');
                }
                s.append("{\"sku\":\"SKU-")
                        .append(1000 + i)
                        .append("\",\"name\":\"Item number ")
                        .append(i)
                        .append("\",\"qty\":1,\"price\":499}");
                i++;
            }
            s.append("],\"metadata\":{\"channel\":\"web\",\"note\":\"");
            while (s.length() < TARGET - 3) {
                s.append('x');
            }
            s.append("\"}}");
            return s.toString().getBytes(StandardCharsets.UTF_8);
        }

        static byte[] form() {
            StringBuilder s = new StringBuilder(TARGET + 256);
            s.append("amount=1999&currency=EUR&reference=order-2026-000123")
                    .append("&card%5Bnumber%5D={{ number }}")
                    .append("&card%5Bexp_month%5D={{ expiryMonth }}")
                    .append("&card%5Bexp_year%5D={{ expiryYear }}")
                    .append("&card%5Bcvc%5D={{ cvc }}");
            int i = 0;
            while (s.length() < TARGET - 40) {
                s.append("&lines%5B").append(i).append("%5D%5Bsku%5D=SKU-").append(1000 + i);
                i++;
            }
            s.append("&note=");
            while (s.length() < TARGET) {
                s.append('x');
            }
            return s.toString().getBytes(StandardCharsets.UTF_8);
        }

        static byte[] xml() {
            StringBuilder s = new StringBuilder(TARGET + 256);
            s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><payment><amount>1999</amount>")
                    .append("<currency>EUR</currency><reference>order-2026-000123</reference>")
                    .append("<card><number>{{ number }}</number>")
                    .append("<expMonth>{{ expiryMonth }}</expMonth>")
                    .append(
                            "<expYear>{{ expiryYear }}</expYear><cvc>{{ cvc }}</cvc></card><lines>");
            int i = 0;
            while (s.length() < TARGET - 60) {
                s.append("<line sku=\"SKU-").append(1000 + i).append("\" qty=\"1\"/>");
                i++;
            }
            s.append("</lines><note>");
            while (s.length() < TARGET - 17) {
                s.append('x');
            }
            s.append("</note></payment>");
            return s.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
