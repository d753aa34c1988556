package io.cardvault.tenants.boundary;

import io.cardvault.platform.control.JsonFactories;
import io.cardvault.tenants.entity.ApiKeyInfo;
import io.cardvault.tenants.entity.IssuedKeys;
import io.cardvault.tenants.entity.Tenant;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** JSON views of a tenant; keys appear in full only in {@link #withKeys}. */
final class TenantJson {

    private TenantJson() {}

    static JsonObject of(Tenant t, List<ApiKeyInfo> keys) {
        return base(t, keys).build();
    }

    static JsonObject withKeys(Tenant t, List<ApiKeyInfo> keys, IssuedKeys issued) {
        return base(t, keys)
                .add("publishableKey", issued.publishableKey())
                .add("secretKey", issued.secretKey())
                .add("callbackSecret", issued.callbackSecret())
                .build();
    }

    private static JsonObjectBuilder base(Tenant t, List<ApiKeyInfo> keys) {
        JsonArrayBuilder keyArray = JsonFactories.arrayBuilder();
        for (ApiKeyInfo k : keys) {
            JsonObjectBuilder kb =
                    JsonFactories.objectBuilder()
                            .add("prefix", k.prefix())
                            .add("type", k.kind().name().toLowerCase())
                            .add(
                                    "createdAt",
                                    k.createdAt()
                                            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                                            .toString())
                            .add("active", k.revokedAt().isEmpty());
            k.revokedAt().ifPresent(r -> kb.add("revokedAt", r.toString()));
            keyArray.add(kb);
        }
        return JsonFactories.objectBuilder()
                .add("id", t.id().value())
                .add("name", t.name())
                .add("allowedOrigins", JsonFactories.arrayBuilder(t.allowedOrigins()))
                .add("allowedDestinations", JsonFactories.arrayBuilder(t.allowedDestinations()))
                .add("fontStylesheets", JsonFactories.arrayBuilder(t.fontStylesheets()))
                .add(
                        "createdAt",
                        t.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                .add("keys", keyArray);
    }
}
