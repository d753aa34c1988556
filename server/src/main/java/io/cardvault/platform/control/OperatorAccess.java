package io.cardvault.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may read the operator endpoints ({@code /metrics}, issue 10 #19): a client connecting
 * straight from {@code cardvault.metrics.networks} (default: loopback only), or anyone presenting
 * {@code cardvault.metrics.key} as {@code Authorization: Bearer <key>} (what Prometheus sends with
 * {@code bearer_token}) or {@code x-metrics-key}. A request that came through a proxy ({@code
 * Forwarded}/{@code X-Forwarded-For}) is never admitted by its address: the proxy's address says
 * nothing about the client.
 */
@ApplicationScoped
public class OperatorAccess {

    @Inject
    @ConfigProperty(name = "cardvault.metrics.networks", defaultValue = "127.0.0.0/8,::1")
    String networksSetting;

    @Inject
    @ConfigProperty(name = "cardvault.metrics.key")
    Optional<String> key;

    private List<TransportPolicy.Cidr> networks = List.of();

    @PostConstruct
    void init() {
        networks = parse(networksSetting);
    }

    public boolean allowed(
            String remoteAddress, boolean viaProxy, String authorization, String keyHeader) {
        return allowed(networks, key, remoteAddress, viaProxy, authorization, keyHeader);
    }

    static boolean allowed(
            List<TransportPolicy.Cidr> networks,
            Optional<String> key,
            String remoteAddress,
            boolean viaProxy,
            String authorization,
            String keyHeader) {
        Optional<String> expected = key.map(String::strip).filter(k -> !k.isEmpty());
        if (expected.isPresent()) {
            String presented = keyHeader;
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                presented = authorization.substring(7);
            }
            if (presented != null
                    && MessageDigest.isEqual(
                            presented.strip().getBytes(StandardCharsets.UTF_8),
                            expected.get().getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        if (viaProxy) {
            return false;
        }
        Optional<InetAddress> remote = TransportPolicy.literal(remoteAddress);
        return remote.isPresent() && networks.stream().anyMatch(n -> n.contains(remote.get()));
    }

    static List<TransportPolicy.Cidr> parse(String setting) {
        List<TransportPolicy.Cidr> list = new ArrayList<>();
        for (String part : setting == null ? new String[0] : setting.split(",")) {
            String p = part.strip();
            if (p.isEmpty() || p.equalsIgnoreCase("none")) {
                continue;
            }
            try {
                list.add(TransportPolicy.Cidr.parse(p));
            } catch (IllegalStateException e) {
                throw new IllegalStateException(
                        "cardvault.metrics.networks must list IP addresses or CIDR ranges (e.g. 10.0.0.0/8), separated by commas, or none");
            }
        }
        return List.copyOf(list);
    }
}
