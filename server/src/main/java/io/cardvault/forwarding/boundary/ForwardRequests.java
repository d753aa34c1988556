package io.cardvault.forwarding.boundary;

import io.cardvault.forwarding.entity.ForwardRequest;
import io.cardvault.platform.control.JsonBodies;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a forward (or its preview) as received: method, every header (lower-cased), bounded body.
 */
final class ForwardRequests {

    private ForwardRequests() {}

    static ForwardRequest read(
            String method, InputStream body, HttpHeaders httpHeaders, int maxBody) {
        byte[] bytes = JsonBodies.readLimited(body, maxBody);
        Map<String, List<String>> headers = new HashMap<>();
        httpHeaders
                .getRequestHeaders()
                .forEach(
                        (name, values) ->
                                headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return new ForwardRequest(method, headers, bytes);
    }
}
