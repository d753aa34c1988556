package io.cardvault.tokens.boundary;

import io.cardvault.platform.control.JsonFactories;
import io.cardvault.tokens.entity.StoredToken;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.temporal.ChronoUnit;

/** The token representation of the API: masked metadata only, never the PAN. */
final class TokenJson {

    private TokenJson() {}

    static JsonObject of(StoredToken t, boolean cvcAvailable) {
        JsonObjectBuilder card =
                JsonFactories.objectBuilder()
                        .add("brand", t.brand().id())
                        .add("bin", t.bin())
                        .add("last4", t.last4())
                        .add("expiryMonth", t.expiryMonth())
                        .add("expiryYear", t.expiryYear())
                        .add("fingerprint", t.fingerprint())
                        .add("cvcAvailable", cvcAvailable);
        t.postalCode().ifPresent(p -> card.add("postalCode", p));
        return JsonFactories.objectBuilder()
                .add("id", t.id().value())
                .add("card", card)
                .add("createdAt", t.createdAt().truncatedTo(ChronoUnit.SECONDS).toString())
                .build();
    }
}
