package io.cardvault.crypto.boundary;

import io.cardvault.crypto.control.KeyLifecycle;
import io.cardvault.crypto.control.KeyShredder;
import io.cardvault.crypto.entity.KeyEncryptionKey;
import io.cardvault.platform.control.JsonFactories;
import io.cardvault.tenants.control.AdminGuard;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator API for the key hierarchy (docs/api.md "Key lifecycle"). Never shows key material. */
@Path("admin/keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Keys (operator)")
@SecurityRequirement(name = "adminKey")
public class KeysResource {

    @Inject AdminGuard admin;

    @Inject KeyLifecycle lifecycle;

    @Inject KeyShredder shredder;

    @GET
    @Operation(summary = "List the key-encryption keys and the re-encryption's progress")
    public String list(@HeaderParam("x-admin-key") String adminKey) {
        admin.check(adminKey);
        return json(lifecycle.status()).toString();
    }

    @POST
    @Path("rotate")
    @Operation(summary = "Make a new primary key and re-encrypt every token under it (202)")
    public Response rotate(@HeaderParam("x-admin-key") String adminKey) {
        admin.check(adminKey);
        lifecycle.rotate();
        return Response.accepted(json(lifecycle.status()).toString()).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Destroy a non-primary key that no token uses any more")
    public Response destroy(
            @HeaderParam("x-admin-key") String adminKey, @PathParam("id") String id) {
        admin.check(adminKey);
        lifecycle.destroy(id);
        return Response.noContent().build();
    }

    @POST
    @Path("purge")
    @Operation(
            summary = "Remove old copies of deleted tokens' data keys from the database files now")
    public String purge(@HeaderParam("x-admin-key") String adminKey) {
        admin.check(adminKey);
        long purged = shredder.purge();
        return JsonFactories.objectBuilder().add("purgedDeletes", purged).build().toString();
    }

    static JsonObject json(KeyLifecycle.Status s) {
        JsonArrayBuilder keys = JsonFactories.arrayBuilder();
        for (KeyEncryptionKey k : s.keys()) {
            keys.add(
                    JsonFactories.objectBuilder()
                            .add("id", k.apiId())
                            .add("status", k.status().apiName())
                            .add("createdAt", k.createdAt().toString())
                            .add("tokens", s.dataKeysByKek().getOrDefault(k.id(), 0L)));
        }
        return JsonFactories.objectBuilder()
                .add("keys", keys)
                .add(
                        "reencryption",
                        JsonFactories.objectBuilder()
                                .add("state", s.reencrypting() ? "running" : "idle")
                                .add("done", s.done())
                                .add("total", s.total()))
                .build();
    }
}
