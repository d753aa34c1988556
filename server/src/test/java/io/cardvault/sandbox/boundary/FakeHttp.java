package io.cardvault.sandbox.boundary;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Just enough of the Servlet API to drive {@link SandboxPspServlet} without a container: requests
 * and responses are {@link Proxy} fakes that fail loudly on any method the servlet is not expected
 * to call.
 */
final class FakeHttp {

    private FakeHttp() {}

    static HttpServletRequest request(
            String method,
            String pathInfo,
            String contentType,
            String body,
            Map<String, String> headers) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        Map<String, String> lowerHeaders = new HashMap<>();
        headers.forEach((k, v) -> lowerHeaders.put(k.toLowerCase(Locale.ROOT), v));
        return (HttpServletRequest)
                Proxy.newProxyInstance(
                        FakeHttp.class.getClassLoader(),
                        new Class<?>[] {HttpServletRequest.class},
                        (proxy, m, args) ->
                                switch (m.getName()) {
                                    case "getMethod" -> method;
                                    case "getPathInfo" -> pathInfo;
                                    case "getContentType" -> contentType;
                                    case "getContextPath" -> "";
                                    case "getContentLengthLong" -> (long) bytes.length;
                                    case "getContentLength" -> bytes.length;
                                    case "getHeader" ->
                                            lowerHeaders.get(
                                                    ((String) args[0]).toLowerCase(Locale.ROOT));
                                    case "getInputStream" -> new BytesInputStream(in);
                                    case "toString" -> "FakeRequest " + method + " " + pathInfo;
                                    default -> throw new UnsupportedOperationException(m.getName());
                                });
    }

    /** What the servlet did to a response. */
    static final class Recorded {
        int status = 200;
        String contentType;
        final Map<String, String> headers = new HashMap<>();

        /** What the servlet wrote, as UTF-8 text ({@code body.toString()}). */
        final Body body = new Body();

        Integer contentLength;

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        HttpServletResponse response() {
            return (HttpServletResponse)
                    Proxy.newProxyInstance(
                            FakeHttp.class.getClassLoader(),
                            new Class<?>[] {HttpServletResponse.class},
                            (proxy, m, args) -> {
                                switch (m.getName()) {
                                    case "setStatus" -> status = (Integer) args[0];
                                    case "setContentType" -> contentType = (String) args[0];
                                    case "setCharacterEncoding" -> {}
                                    case "setHeader" ->
                                            headers.put(
                                                    ((String) args[0]).toLowerCase(Locale.ROOT),
                                                    (String) args[1]);
                                    case "setContentLength" -> contentLength = (Integer) args[0];
                                    case "getOutputStream" -> {
                                        return body;
                                    }
                                    case "toString" -> {
                                        return "FakeResponse";
                                    }
                                    default -> throw new UnsupportedOperationException(m.getName());
                                }
                                return null;
                            });
        }
    }

    /** The response body: a servlet output stream that keeps the bytes. */
    static final class Body extends ServletOutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException();
        }

        int size() {
            return bytes.size();
        }

        @Override
        public String toString() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static final class BytesInputStream extends ServletInputStream {
        private final ByteArrayInputStream in;

        BytesInputStream(ByteArrayInputStream in) {
            this.in = in;
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, len);
        }
    }
}
