package io.cardvault.forwarding.entity;

import java.util.List;
import java.util.Map;

/** What goes back to the merchant: the destination's status, filtered headers and redacted body. */
public record RelayedResponse(
        int status, Map<String, List<String>> headers, byte[] body, String forwardId) {

    public RelayedResponse {
        headers = Map.copyOf(headers);
    }
}
