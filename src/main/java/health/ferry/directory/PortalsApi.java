package health.ferry.directory;

import health.ferry.directory.PortalDirectory.PortalPage;
import health.ferry.directory.PortalDirectory.PortalRequest;
import health.ferry.directory.PortalDirectory.Requested;
import health.ferry.outcome.OutcomeException;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** JSON API v1: search the portal directory, and ask for a portal that is not listed. */
@Path("/api/v1/portals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Portal directory")
public class PortalsApi {
    @Inject
    PortalDirectory directory;

    @GET
    @Authenticated
    @Operation(summary = "Search portals by organization, doctor or website (anything pasted from the address bar)")
    public PortalPage search(
            @Parameter(description = "organization, doctor or website") @QueryParam("by") String by,
            @Parameter(description = "what to look for") @QueryParam("q") String q,
            @Parameter(description = "page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "results per page (default 20, at most 50)") @QueryParam("size") String size) {
        return directory.search(by, q, OutcomeException.wholeNumber("page", page),
                OutcomeException.wholeNumber("size", size));
    }

    @POST
    @Path("requests")
    @RolesAllowed("participant")
    @Operation(summary = "My portal isn't listed: 201 with a new pending portal, or 200 with the one already listed")
    public Response request(PortalRequest body) {
        Requested answer = directory.request(body == null ? new PortalRequest(null, null) : body);
        return Response.status(answer.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(answer.portal()).build();
    }
}
