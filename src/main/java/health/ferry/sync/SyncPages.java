package health.ferry.sync;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** "Sync now" from a connection's page (a CSRF-checked form); a run started too recently is simply not repeated. */
@Path("/connections")
@RolesAllowed("participant")
public class SyncPages {
    @Inject
    SyncNow now;

    @POST
    @Path("{id}/sync")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response syncNow(@PathParam("id") String id) {
        now.start(id);
        return Response.seeOther(URI.create("/connections/" + id)).build();
    }
}
