package health.ferry.connections;

import health.ferry.accounts.PublicOrigin;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** JSON API v1: connecting portals and every next step, as in the contract. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "Connections")
public class ConnectionsApi {
    @Inject
    PublicOrigin origin;
    @Inject
    ConnectionWizard wizard;

    public record Page<T>(List<T> items, long total) {
    }

    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[***]";
        }
    }

    public record SecondFactor(String code) {
    }

    public record ProfileChoice(String profileId) {
    }

    @POST
    @Path("people/{personId}/connections")
    @Operation(summary = "Connect a portal: SMART answers an authorizeUrl; credential portals validate in the background")
    public Response start(@PathParam("personId") String personId, ConnectionWizard.StartRequest body, UriInfo uri) {
        ConnectionView view = wizard.start(personId, body, callback(origin));
        return Response.created(uri.getBaseUriBuilder().path("api/v1/connections/{id}").build(view.id()))
                .entity(view).build();
    }

    @GET
    @Path("people/{personId}/connections")
    @Operation(summary = "A person's connections")
    public Page<ConnectionView> list(@PathParam("personId") String personId) {
        List<ConnectionView> items = wizard.list(personId);
        return new Page<>(items, items.size());
    }

    @GET
    @Path("connections/{id}")
    @Operation(summary = "One connection, with its status and, on failure, the message and next step")
    public ConnectionView get(@PathParam("id") String id) {
        return wizard.view(id);
    }

    @PUT
    @Path("connections/{id}/credentials")
    @Operation(summary = "Update sign-in details (validated again)")
    public Response credentials(@PathParam("id") String id, Credentials body) {
        Credentials c = body == null ? new Credentials(null, null) : body;
        return accepted(wizard.updateCredentials(id, c.username(), c.password()));
    }

    @POST
    @Path("connections/{id}/second-factor")
    @Operation(summary = "Send the one-time code the portal sent")
    public Response secondFactor(@PathParam("id") String id, SecondFactor body) {
        return accepted(wizard.secondFactor(id, body == null ? null : body.code()));
    }

    @POST
    @Path("connections/{id}/profile")
    @Operation(summary = "Choose the profile of a family account")
    public Response profile(@PathParam("id") String id, ProfileChoice body) {
        return accepted(wizard.chooseProfile(id, body == null ? null : body.profileId()));
    }

    @POST
    @Path("connections/{id}/recheck")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Check again after accepting terms or changing the password at the portal")
    public Response recheck(@PathParam("id") String id) {
        return accepted(wizard.recheck(id));
    }

    @POST
    @Path("connections/{id}/reconnect")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Reconnect: SMART answers a new authorizeUrl (extension)")
    public Response reconnect(@PathParam("id") String id, UriInfo uri) {
        return accepted(wizard.reconnect(id, callback(origin)));
    }

    @DELETE
    @Path("connections/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Disconnect: secrets purged, accepted records kept; pending records from this portal kept"
            + " (pendingRecords=keep, the default) or deleted (pendingRecords=delete)")
    public Response disconnect(@PathParam("id") String id,
            @jakarta.ws.rs.QueryParam("pendingRecords") @jakarta.ws.rs.DefaultValue("keep") String pendingRecords) {
        wizard.disconnect(id, ConnectionWizard.deletePending(pendingRecords));
        return Response.noContent().build();
    }

    /** Where portals send SMART authorization codes: on the configured public origin, never the request's Host. */
    static URI callback(PublicOrigin origin) {
        return origin.resolve("/connections/smart/callback");
    }

    private static Response accepted(ConnectionView view) {
        return Response.accepted(view).build();
    }
}
