package io.cardvault.tenants.boundary;

import io.cardvault.egress.control.DestinationRules;
import io.cardvault.platform.control.JsonBodies;
import io.cardvault.platform.control.MediaTypes;
import io.cardvault.platform.entity.FieldError;
import io.cardvault.platform.entity.ProblemException;
import io.cardvault.tenants.control.AdminGuard;
import io.cardvault.tenants.control.TenantNotFoundException;
import io.cardvault.tenants.control.TenantRegistry;
import io.cardvault.tenants.control.TenantSettings;
import io.cardvault.tenants.entity.IssuedKeys;
import io.cardvault.tenants.entity.Tenant;
import io.cardvault.tenants.entity.TenantProblem;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator API: tenants, their settings and keys. Never sees card data. */
@Path("admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenants (operator)")
@SecurityRequirement(name = "adminKey")
public class TenantsResource {

    static final int MAX_BODY = 64 * 1024;

    @Inject AdminGuard admin;

    @Inject TenantRegistry registry;

    @POST
    @Operation(summary = "Create a tenant; the response shows its keys once")
    public Response create(
            @HeaderParam("x-admin-key") String adminKey,
            @HeaderParam("Content-Type") String contentType,
            InputStream body) {
        admin.check(adminKey);
        JsonObject json = readJson(contentType, body);
        List<FieldError> errors = new ArrayList<>();
        String name = TenantSettings.name(unwrap(json.get("name")), errors);
        List<String> origins =
                TenantSettings.origins(stringList(json, "allowedOrigins", errors), errors);
        List<String> destinations =
                TenantSettings.destinations(
                        stringList(json, "allowedDestinations", errors),
                        errors,
                        DestinationRules::problemWith);
        List<String> fonts =
                TenantSettings.fontStylesheets(stringList(json, "fontStylesheets", errors), errors);
        failIfAny(errors);
        TenantRegistry.Created created = registry.create(name, origins, destinations, fonts);
        Tenant tenant = created.tenant();
        IssuedKeys keys = created.keys();
        return Response.created(URI.create("/api/v1/admin/tenants/" + tenant.id()))
                .entity(TenantJson.withKeys(tenant, registry.keys(tenant.id()), keys).toString())
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a tenant and the prefixes of its keys")
    public String read(@HeaderParam("x-admin-key") String adminKey, @PathParam("id") String id) {
        admin.check(adminKey);
        Tenant tenant = registry.find(id).orElseThrow(TenantNotFoundException::new);
        return TenantJson.of(tenant, registry.keys(tenant.id())).toString();
    }

    @PATCH
    @Operation(summary = "Change name, allowed origins, allowed destinations or font stylesheets")
    @Path("{id}")
    public String update(
            @HeaderParam("x-admin-key") String adminKey,
            @PathParam("id") String id,
            @HeaderParam("Content-Type") String contentType,
            InputStream body) {
        admin.check(adminKey);
        Tenant current = registry.find(id).orElseThrow(TenantNotFoundException::new);
        JsonObject json = readJson(contentType, body);
        List<FieldError> errors = new ArrayList<>();
        String name =
                json.containsKey("name")
                        ? TenantSettings.name(unwrap(json.get("name")), errors)
                        : current.name();
        List<String> origins =
                json.containsKey("allowedOrigins")
                        ? TenantSettings.origins(stringList(json, "allowedOrigins", errors), errors)
                        : current.allowedOrigins();
        List<String> destinations =
                json.containsKey("allowedDestinations")
                        ? TenantSettings.destinations(
                                stringList(json, "allowedDestinations", errors),
                                errors,
                                DestinationRules::problemWith)
                        : current.allowedDestinations();
        List<String> fonts =
                json.containsKey("fontStylesheets")
                        ? TenantSettings.fontStylesheets(
                                stringList(json, "fontStylesheets", errors), errors)
                        : current.fontStylesheets();
        failIfAny(errors);
        Tenant updated =
                registry.update(
                        current.with(name, origins, destinations).withFontStylesheets(fonts));
        return TenantJson.of(updated, registry.keys(updated.id())).toString();
    }

    @POST
    @Path("{id}/keys")
    @Operation(summary = "Issue a new key pair; old keys keep working until revoked")
    public Response issueKeys(
            @HeaderParam("x-admin-key") String adminKey, @PathParam("id") String id) {
        admin.check(adminKey);
        Tenant tenant = registry.find(id).orElseThrow(TenantNotFoundException::new);
        IssuedKeys keys = registry.issueKeys(tenant.id());
        return Response.status(Response.Status.CREATED)
                .entity(TenantJson.withKeys(tenant, registry.keys(tenant.id()), keys).toString())
                .build();
    }

    @DELETE
    @Path("{id}/keys/{prefix}")
    @Operation(
            summary = "Revoke the key with this prefix (the first 11 characters, e.g. sk_AbCd1234)")
    public Response revoke(
            @HeaderParam("x-admin-key") String adminKey,
            @PathParam("id") String id,
            @PathParam("prefix") String prefix) {
        admin.check(adminKey);
        Tenant tenant = registry.find(id).orElseThrow(TenantNotFoundException::new);
        if (!registry.revoke(tenant.id(), prefix)) {
            throw new ProblemException(
                    TenantProblem.KEY_NOT_FOUND, "this tenant has no active key with that prefix");
        }
        return Response.noContent().build();
    }

    private static JsonObject readJson(String contentType, InputStream body) {
        MediaTypes.requireJson(contentType);
        return JsonBodies.parseObject(JsonBodies.readLimited(body, MAX_BODY));
    }

    private static Object unwrap(JsonValue v) {
        return v instanceof JsonString s ? s.getString() : v;
    }

    private static List<String> stringList(JsonObject json, String field, List<FieldError> errors) {
        JsonValue v = json.get(field);
        if (v == null || v == JsonValue.NULL) {
            return List.of();
        }
        if (!(v instanceof JsonArray array)) {
            errors.add(new FieldError(field, "invalid", field + " must be an array of strings"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonString s) {
                out.add(s.getString());
            } else {
                errors.add(new FieldError(field + "[" + i + "]", "invalid", "must be a string"));
            }
        }
        return out;
    }

    private static void failIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    TenantProblem.INVALID_TENANT, "the tenant settings are not valid", errors);
        }
    }
}
