package io.cardvault.checkout.control;

import io.cardvault.checkout.entity.CheckoutSession;
import io.cardvault.checkout.entity.NewSession;
import io.cardvault.platform.control.JsonFactories;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The JSON of a session, the same for {@code GET} and for the callback body: brand, last 4 and
 * expiry are the only card data it can hold.
 */
public final class SessionJson {

    private SessionJson() {}

    public static JsonObject of(CheckoutSession s, String publicUrl, Instant now) {
        NewSession r = s.request();
        JsonObjectBuilder b =
                JsonFactories.objectBuilder()
                        .add("id", s.id().value())
                        .add("url", payUrl(publicUrl, s))
                        .add("status", s.statusAt(now).json())
                        .add("amount", r.amount())
                        .add("currency", r.currency());
        r.description().ifPresent(d -> b.add("description", d));
        r.reference().ifPresent(ref -> b.add("reference", ref));
        b.add("successUrl", r.successUrl()).add("cancelUrl", r.cancelUrl());
        r.callbackUrl().ifPresent(c -> b.add("callbackUrl", c));
        b.add("createdAt", time(s.createdAt())).add("expiresAt", time(s.expiresAt()));
        s.completedAt().ifPresent(c -> b.add("completedAt", time(c)));
        s.tokenId().ifPresent(t -> b.add("tokenId", t));
        s.card()
                .ifPresent(
                        c ->
                                b.add(
                                        "card",
                                        JsonFactories.objectBuilder()
                                                .add("brand", c.brand())
                                                .add("last4", c.last4())
                                                .add("expiryMonth", c.expiryMonth())
                                                .add("expiryYear", c.expiryYear())));
        return b.build();
    }

    public static String payUrl(String publicUrl, CheckoutSession s) {
        String base =
                publicUrl.endsWith("/")
                        ? publicUrl.substring(0, publicUrl.length() - 1)
                        : publicUrl;
        return base + "/pay/" + s.id().value();
    }

    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
