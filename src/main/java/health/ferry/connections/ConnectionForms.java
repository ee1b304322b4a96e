package health.ferry.connections;

import health.ferry.accounts.PublicOrigin;
import health.ferry.accounts.Acting;
import health.ferry.accounts.PersonView;
import health.ferry.directory.PortalDirectory;
import health.ferry.directory.PortalConnection;
import health.ferry.outcome.Outcome;
import health.ferry.outcome.OutcomeException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;

/** Connection pages, part two: the form posts of the wizard, each answering with the connection's page. */
@Path("/connections")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@RolesAllowed("participant")
public class ConnectionForms {
    @Inject
    PublicOrigin origin;
    @Inject
    ConnectionWizard wizard;
    @Inject
    Acting acting;
    @Inject
    Portals portals;
    @Inject
    SupportingDocumentsOffer offer;
    @Inject
    PortalDirectory directory;

    @POST
    public Response start(@RestForm String portalId, @RestForm String username, @RestForm String password,
            UriInfo uri) {
        PersonView person = acting.person();
        try {
            ConnectionView view = wizard.start(person.id().toString(),
                    new ConnectionWizard.StartRequest(portalId, username, password), ConnectionsApi.callback(origin));
            if (view.authorizeUrl() != null) {
                // Shown, then followed: the portal is another site, reached by a link rather than a form redirect.
                return Response.ok(ConnectionPages.statusPage(person, view, false)).build();
            }
            return toStatus(view);
        } catch (OutcomeException e) {
            PortalConnection portal = portals.require(portalId);
            if (portal == null || e.outcome() == Outcome.NOT_FOUND) {
                throw e;
            }
            String message = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message();
            return Response.status(e.outcome() == Outcome.ALREADY_CONNECTED ? 409 : 400).entity(ConnectionPages.connectForm(
                    wizard, person, portal, message, username == null ? "" : username)).build();
        }
    }

    /** "My portal isn't listed": the request, then a connection that waits for the portal to be added. */
    @POST
    @Path("portal-requests")
    public Response requestPortal(@RestForm String request, UriInfo uri) {
        String text = request == null ? "" : request.strip();
        boolean looksLikeAddress = !text.contains(" ") && text.contains(".");
        PortalDirectory.Requested requested = directory.request(new PortalDirectory.PortalRequest(
                looksLikeAddress ? text : null, looksLikeAddress ? null : text));
        String portalId = requested.portal().portalId().toString();
        if ("supported".equals(requested.portal().supportStatus())) {
            return Response.seeOther(URI.create("/connections/new/" + portalId)).build();
        }
        ConnectionView view = wizard.start(acting.person().id().toString(), new ConnectionWizard.StartRequest(
                portalId, null, null), ConnectionsApi.callback(origin));
        return toStatus(view);
    }

    @POST
    @Path("{id}/credentials")
    public Response credentials(@PathParam("id") String id, @RestForm String username, @RestForm String password) {
        return step(id, () -> wizard.updateCredentials(id, username, password));
    }

    @POST
    @Path("{id}/second-factor")
    public Response secondFactor(@PathParam("id") String id, @RestForm String code) {
        return step(id, () -> wizard.secondFactor(id, code));
    }

    @POST
    @Path("{id}/profile")
    public Response profile(@PathParam("id") String id, @RestForm String profileId) {
        return step(id, () -> wizard.chooseProfile(id, profileId));
    }

    @POST
    @Path("{id}/recheck")
    public Response recheck(@PathParam("id") String id) {
        return step(id, () -> wizard.recheck(id));
    }

    @POST
    @Path("{id}/reconnect")
    public Response reconnect(@PathParam("id") String id, UriInfo uri) {
        ConnectionView view = wizard.reconnect(id, ConnectionsApi.callback(origin));
        return view.authorizeUrl() != null ? Response.ok(ConnectionPages.statusPage(acting.person(), view, false))
                .build() : toStatus(view);
    }

    @POST
    @Path("{id}/disconnect")
    public Response disconnect(@PathParam("id") String id,
            @jakarta.ws.rs.FormParam("pendingRecords") @jakarta.ws.rs.DefaultValue("keep") String pendingRecords) {
        wizard.disconnect(id, ConnectionWizard.deletePending(pendingRecords));
        return Response.seeOther(URI.create("/connections")).build();
    }

    /** Runs one step; a correctable problem shows the connection's page again with the problem on it. */
    private Response step(String id, Supplier<ConnectionView> action) {
        try {
            return toStatus(action.get());
        } catch (OutcomeException e) {
            if (e.outcome() == Outcome.NOT_FOUND) {
                throw e;
            }
            ConnectionView view = wizard.view(id);
            String message = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message();
            return Response.status(e.outcome().status()).entity(ConnectionPages.statusPage(acting.person(),
                    withError(view, message), offer.available(view))).build();
        }
    }

    private static ConnectionView withError(ConnectionView v, String message) {
        ConnectionView.Failure f = v.failure() == null ? new ConnectionView.Failure("", message, "")
                : new ConnectionView.Failure(v.failure().code(), message, v.failure().remedy());
        return new ConnectionView(v.id(), v.personId(), v.portalId(), v.portalName(), v.method(), v.status(), f,
                v.lastSync(), v.nextSync(), v.profiles(), v.portalWebsite(), v.authorizeUrl(), v.accessExpiresAt(),
                v.portalActionUrl(), v.accessEndsAt(), v.signInUpdate());
    }

    private static Response toStatus(ConnectionView view) {
        return Response.seeOther(URI.create("/connections/" + view.id())).build();
    }
}
