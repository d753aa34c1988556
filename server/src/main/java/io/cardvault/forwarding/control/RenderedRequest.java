package io.cardvault.forwarding.control;

import io.cardvault.egress.entity.Destination;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A forward rendered and ready to send: the checked destination, the URI actually requested, the
 * headers and body with placeholders replaced. What it holds is card data when it was rendered from
 * a revealed card, and masked values when it was rendered for a preview; the rendering is the same.
 *
 * @param target the URI requested (for plain http: the checked address, with the name in Host)
 * @param shownUrl the destination as the merchant named it, with the rendered query
 * @param usesCvc whether the body, query or a header read the CVC
 */
record RenderedRequest(
        Destination destination,
        String method,
        URI target,
        String shownUrl,
        List<Map.Entry<String, String>> headers,
        byte[] body,
        boolean usesCvc) {

    /**
     * The request for java.net.http. Building it also checks the header names and values as the
     * client would, so a preview built this way is refused where the forward would be.
     *
     * @throws IllegalArgumentException a header or the URI that java.net.http refuses
     */
    HttpRequest toHttpRequest(Duration timeout) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(target)
                        .timeout(timeout)
                        .version(
                                destination.https()
                                        ? HttpClient.Version.HTTP_2
                                        : HttpClient.Version.HTTP_1_1)
                        .method(
                                method,
                                body.length == 0 && !hasBodyMethod(method)
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, String> h : headers) {
            b.header(h.getKey(), h.getValue());
        }
        return b.build();
    }

    private static boolean hasBodyMethod(String method) {
        return !method.equals("GET") && !method.equals("DELETE");
    }

    @Override
    public String toString() {
        return "RenderedRequest[" + method + " " + destination.host() + "]";
    }
}
