package io.cardvault.forwarding.entity;

import io.cardvault.forwarding.placeholder.PlaceholderLocation;
import java.util.List;
import java.util.Map;

/**
 * What a forward would send, with card values masked: method, URL (rendered query), the address the
 * policy chose, the headers and body as they would leave, and where each placeholder stands.
 *
 * @param body the rendered body; masked, so it holds no card data
 */
public record ForwardPreviewResult(
        String forwardId,
        String method,
        String url,
        String address,
        List<Map.Entry<String, String>> headers,
        byte[] body,
        List<PlaceholderLocation> placeholders) {

    public ForwardPreviewResult {
        headers = List.copyOf(headers);
        placeholders = List.copyOf(placeholders);
    }

    @Override
    public String toString() {
        return "ForwardPreviewResult[" + forwardId + "]";
    }
}
