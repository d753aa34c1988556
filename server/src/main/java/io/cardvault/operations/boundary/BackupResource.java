package io.cardvault.operations.boundary;

import io.cardvault.operations.control.Backups;
import io.cardvault.operations.entity.BackupFile;
import io.cardvault.platform.control.JsonFactories;
import io.cardvault.tenants.control.AdminGuard;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator API: an online backup of the embedded database. Never sees card data or keys. */
@Path("admin/backup")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations (operator)")
@SecurityRequirement(name = "adminKey")
public class BackupResource {

    @Inject AdminGuard admin;

    @Inject Backups backups;

    @POST
    @Operation(
            summary =
                    "Write an online, consistent backup of the embedded database into cardvault.backup.dir")
    public Response backup(@HeaderParam("x-admin-key") String adminKey) {
        admin.check(adminKey);
        BackupFile f = backups.backup();
        String json =
                JsonFactories.objectBuilder()
                        .add("file", f.file())
                        .add("size", f.size())
                        .add("durationMs", f.duration().toMillis())
                        .add("createdAt", f.createdAt().toString())
                        .build()
                        .toString();
        return Response.status(Response.Status.CREATED).entity(json).build();
    }
}
