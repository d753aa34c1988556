package io.cardvault.forwarding.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cardvault.cards.entity.CardNumber;
import io.cardvault.forwarding.entity.ForwardProblem;
import io.cardvault.forwarding.entity.RelayedResponse;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tokens.entity.RevealedCard;
import io.cardvault.tokens.entity.TokenId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ResponseRelayTest {

    private static final String VISA = "4111111111111111";

    private final ResponseRedactor redactor = new ResponseRedactor();

    @Test
    void relay_headersEchoingPanAndCvc_areMasked() {
        RelayedResponse r =
                redactor.relay(
                        200,
                        Map.of(
                                "x-echo",
                                List.of("card=" + VISA + " cvc=123"),
                                "x-" + VISA,
                                List.of("1")),
                        "{}".getBytes(UTF_8),
                        card().number().revealDigits(),
                        card().cvc(),
                        "f1");
        assertEquals(List.of("card=411111******1111 cvc=***"), r.headers().get("x-echo"));
        assertEquals(List.of("1"), r.headers().get("x-411111******1111"));
        assertFalse(r.headers().toString().contains(VISA));
    }

    @Test
    void relay_gzipBody_decodedRedactedAndEncodingDropped() throws IOException {
        byte[] gz = gzip("{\"pan\":\"" + VISA + "\",\"cvc\":\"123\"}");
        RelayedResponse r =
                redactor.relay(
                        200,
                        Map.of("Content-Encoding", List.of("gzip"), "content-type", List.of("x/y")),
                        gz,
                        card().number().revealDigits(),
                        card().cvc(),
                        "f1");
        assertEquals("{\"pan\":\"411111******1111\",\"cvc\":\"***\"}", new String(r.body(), UTF_8));
        assertNull(r.headers().get("content-encoding"));
        assertEquals(List.of("x/y"), r.headers().get("content-type"));
    }

    @Test
    void relay_deflateBody_decodedAndRedacted() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out)) {
            d.write(("pan " + VISA).getBytes(UTF_8));
        }
        RelayedResponse r =
                redactor.relay(
                        200,
                        Map.of("content-encoding", List.of("deflate")),
                        out.toByteArray(),
                        card().number().revealDigits(),
                        card().cvc(),
                        "f1");
        assertEquals("pan 411111******1111", new String(r.body(), UTF_8));
    }

    @Test
    void relay_brotliOrUnknownCoding_502Unreadable() {
        for (String coding : List.of("br", "zstd", "gzip, br")) {
            ProblemException e =
                    assertThrows(
                            ProblemException.class,
                            () ->
                                    redactor.relay(
                                            200,
                                            Map.of("content-encoding", List.of(coding)),
                                            new byte[] {1, 2, 3},
                                            card().number().revealDigits(),
                                            card().cvc(),
                                            "f1"));
            assertEquals(ForwardProblem.RESPONSE_UNREADABLE, e.type());
            assertEquals(502, e.type().status());
        }
    }

    @Test
    void relay_gzipBombOverCap_502TooLarge() throws IOException {
        redactor.maxResponse = 64 * 1024;
        byte[] bomb = gzip("0".repeat(1024 * 1024));
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () ->
                                redactor.relay(
                                        200,
                                        Map.of("content-encoding", List.of("gzip")),
                                        bomb,
                                        card().number().revealDigits(),
                                        card().cvc(),
                                        "f1"));
        assertEquals(ForwardProblem.RESPONSE_TOO_LARGE, e.type());
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(text.getBytes(UTF_8));
        }
        return out.toByteArray();
    }

    private static RevealedCard card() {
        return new RevealedCard(
                TokenId.parse("6f1c2b1e-7a0d-4c4e-9f5e-2b8a8d0e4c11").orElseThrow(),
                CardNumber.of(VISA),
                7,
                2031,
                Optional.empty(),
                io.cardvault.cards.control.BrandCatalog.standard().byId("visa"),
                Optional.of("123"));
    }
}
