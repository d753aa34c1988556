package io.cardvault.forwarding.entity;

import java.util.List;
import java.util.Map;

/** A merchant's forward request as received: method, all headers, raw body bytes. */
public record ForwardRequest(String method, Map<String, List<String>> headers, byte[] body) {

    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "ForwardRequest[" + method + ", " + body.length + " bytes]";
    }
}
