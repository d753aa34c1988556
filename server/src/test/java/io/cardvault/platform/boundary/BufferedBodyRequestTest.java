package io.cardvault.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cardvault.platform.control.JsonBodies;
import io.cardvault.testing.Fakes;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The body the intake has read, as the resource's stream sees it. */
class BufferedBodyRequestTest {

    static final HttpServletRequest ORIGINAL =
            Fakes.of(
                    HttpServletRequest.class,
                    (m, a) -> {
                        throw Fakes.unexpected(m);
                    });

    @Test
    void stream_saysExactlyWhatIsLeft_soReadersSizeTheirBufferByIt() throws Exception {
        byte[] body = "{\"expiryMonth\":12,\"expiryYear\":2030}".getBytes(StandardCharsets.UTF_8);
        BufferedBodyRequest req = new BufferedBodyRequest(ORIGINAL, body);
        ServletInputStream in = req.getInputStream();
        assertEquals(body.length, in.available());
        assertEquals(body.length, req.getContentLengthLong());
        assertEquals('{', in.read());
        assertEquals(body.length - 1, in.available());
        byte[] rest = JsonBodies.readLimited(in, 1024);
        assertArrayEquals(java.util.Arrays.copyOfRange(body, 1, body.length), rest);
        assertEquals(0, in.available());
        assertTrue(in.isFinished());
    }
}
