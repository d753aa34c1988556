package io.cardvault.forwarding.http;

import io.cardvault.platform.control.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one HTTP client of the server (HTTP/2 with fallback to HTTP/1.1, pooled connections). It
 * never follows redirects: a 3xx goes back to the merchant, so a destination cannot bounce card
 * data to a host the tenant did not allow.
 *
 * <p>The client runs its dependent tasks in the thread that triggers them ({@link #SAME_THREAD}):
 * the request thread writes the request, the client's selector thread reads the answer, collects
 * the body ({@link BoundedBody}, no blocking) and completes the exchange, and the waiting request
 * thread carries on. With a pool instead, each answer took one more thread hand-off (selector →
 * pool → request thread), about 0.1–0.2 ms a forward at one client here (issue 12, target 2). The
 * price: a TLS handshake's delegated tasks (certificate checks) also run on the selector thread,
 * once per pooled connection.
 */
@ApplicationScoped
public class ForwardClient {

    static {
        // lets the proxy connect to a checked IP literal for plain-http destinations and still send
        // the merchant's Host (see DestinationPolicy); must be set before java.net.http initialises
        if (System.getProperty("jdk.httpclient.allowRestrictedHeaders") == null) {
            System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        }
    }

    @Inject
    @ConfigProperty(name = "cardvault.forward.connect-timeout", defaultValue = "PT10S")
    String connectTimeout;

    @Inject
    @ConfigProperty(name = "cardvault.forward.timeout", defaultValue = "PT30S")
    String timeout;

    static final int DEFAULT_MAX_RESPONSE = 10 * 1024 * 1024;

    @Inject
    @ConfigProperty(name = "cardvault.forward.max-response", defaultValue = "10485760")
    int maxResponse = DEFAULT_MAX_RESPONSE;

    /** Runs a task in the calling thread; the client never hands it a blocking one. */
    static final Executor SAME_THREAD = Runnable::run;

    private HttpClient client;
    private volatile Duration parsedTimeout;

    @PostConstruct
    void init() {
        parsedTimeout = null;
        parsedTimeout = timeout(); // a bad setting stops the start-up
        client =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_2)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(connectTimeout())
                        .executor(SAME_THREAD)
                        .build();
    }

    /**
     * Sends with {@code Accept-Encoding: identity} whatever the merchant asked for (the redactor
     * must read the body), and reads at most {@code cardvault.forward.max-response} bytes: a larger
     * answer fails the future with {@code 502 response-too-large} without being buffered.
     */
    public HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(identityEncoding(request), BoundedBody.handler(maxResponse));
    }

    /** The executor the client was built with (for tests). */
    Executor executor() {
        return client.executor().orElse(null);
    }

    static HttpRequest identityEncoding(HttpRequest request) {
        return HttpRequest.newBuilder(
                        request, (name, value) -> !name.equalsIgnoreCase("accept-encoding"))
                .header("Accept-Encoding", "identity")
                .build();
    }

    /** {@code cardvault.forward.timeout}, parsed once at start-up. */
    public Duration timeout() {
        Duration parsed = parsedTimeout;
        return parsed != null
                ? parsed
                : Settings.duration("cardvault.forward.timeout", timeout, Duration.ofSeconds(30));
    }

    Duration connectTimeout() {
        return Settings.duration(
                "cardvault.forward.connect-timeout", connectTimeout, Duration.ofSeconds(10));
    }
}
