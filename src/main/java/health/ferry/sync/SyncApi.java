package health.ferry.sync;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** JSON API v1: "sync now" for a connection (202; 429 problem within the cool-down). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "Connections")
public class SyncApi {
    @Inject
    SyncNow now;

    @POST
    @Path("connections/{id}/sync")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Sync this connection now (rate-limited per connection)")
    public Response sync(@PathParam("id") String id) {
        return now.start(id).map(run -> Response.accepted(Map.of("syncRunId", run)).build())
                .orElseGet(() -> tooSoon(id));
    }

    private Response tooSoon(String id) {
        long seconds = now.cooldownSeconds();
        return Response.status(429).type("application/problem+json").header("Retry-After", seconds)
                .entity(Map.of("type", "about:blank", "title", "Sync was started recently", "status", 429,
                        "code", "sync_too_soon", "detail", "This portal was synced less than " + seconds
                                + " seconds ago. Try again in a minute.", "instance",
                        "/api/v1/connections/" + id + "/sync"))
                .build();
    }
}
