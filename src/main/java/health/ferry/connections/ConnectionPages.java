package health.ferry.connections;

import health.ferry.accounts.PublicOrigin;
import health.ferry.accounts.Acting;
import health.ferry.accounts.CurrentAccount;
import health.ferry.accounts.PersonView;
import health.ferry.directory.PortalDirectory;
import health.ferry.directory.PortalConnection;
import health.ferry.outcome.OutcomeException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Connection pages, part one: the list, the portal search, the connect form, a connection's live status. */
@Path("/connections")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("participant")
public class ConnectionPages {
    public record ListView(PersonView person, List<ConnectionView> connections) {
    }

    public record SearchView(PersonView person, String by, String query, List<PortalResult> results, long total,
            String error) {
        /** Exactly one portal found ("1 portal found", not "1 portals"). */
        public boolean single() {
            return total == 1;
        }
    }

    /** A search result; {@code connectionId} is set when the person already has a working connection to it. */
    public record PortalResult(String id, String name, String detail, String location, String vendor, String website,
            String supportStatus, String connectionId) {
    }

    /** The connect form; {@code existing} is the person's working connection to this portal, if any. */
    public record ConnectView(PersonView person, PortalConnection portal, String error, String username,
            ConnectionView existing) {
        /** Where "I don't know my credentials" leads: the portal's own website. */
        public String website() {
            return Portals.website(portal);
        }
    }

    /**
     * {@code again}: why the page looks as it did before the participant's last step, so it says so: {@code
     * wrong_code} (the one-time code was refused) or {@code same} (checked again; the portal still asks the same).
     */
    public record StatusView(PersonView person, ConnectionView connection, boolean offerSupportingDocuments,
            String again) {
    }

    /** Failures the participant fixes at the portal, then asks Ferry to check again. */
    private static final java.util.Set<String> CHECK_AGAIN = java.util.Set.of(
            ConnectionFailure.TERMS_ACCEPTANCE_REQUIRED.code(), ConnectionFailure.PASSWORD_CHANGE_REQUIRED.code(),
            ConnectionFailure.ACCOUNT_LOCKED.code());

    @CheckedTemplate(basePath = "connections")
    static class Templates {
        static native TemplateInstance list(ListView view);

        static native TemplateInstance search(SearchView view);

        static native TemplateInstance connect(ConnectView view);

        static native TemplateInstance status(StatusView view);
    }

    @Inject
    PublicOrigin origin;
    @Inject
    Acting acting;
    @Inject
    AttemptLimiter attempts;
    @Inject
    ConnectionWizard wizard;
    @Inject
    PortalDirectory directory;
    @Inject
    Portals portals;
    @Inject
    SupportingDocumentsOffer offer;
    @Inject
    CurrentAccount current;
    @Inject
    Event<PortalSearched> searched;

    @GET
    public TemplateInstance list() {
        PersonView person = acting.person();
        return Templates.list(new ListView(person, wizard.list(person.id().toString())));
    }

    @GET
    @Path("new")
    public Response search(@QueryParam("by") String by, @QueryParam("q") String q) {
        PersonView person = acting.person();
        String mode = by == null || by.isBlank() ? "organization" : by;
        if (q == null || q.isBlank()) {
            return Response.ok(Templates.search(new SearchView(person, mode, "", List.of(), 0, null))).build();
        }
        try {
            PortalDirectory.PortalPage page = directory.search(mode, q, 0, 20);
            searched.fire(new PortalSearched(current.actor(), person.id()));
            Map<UUID, UUID> working = wizard.working(person.id().toString());
            List<PortalResult> results = page.items().stream().map(p -> new PortalResult(p.id().toString(), p.name(),
                    String.join(", ", p.otherOrganizations()), p.location(), p.vendorName(), host(p.website()),
                    p.supportStatus(),
                    working.containsKey(p.id()) ? working.get(p.id()).toString() : null)).toList();
            return Response.ok(Templates.search(new SearchView(person, mode, q, results, page.total(), null))).build();
        } catch (OutcomeException e) {
            String message = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message();
            return Response.status(400).entity(Templates.search(new SearchView(person, mode, q, List.of(), 0,
                    message))).build();
        }
    }

    @GET
    @Path("new/{portalId}")
    public TemplateInstance showConnectForm(@PathParam("portalId") String portalId) {
        PortalConnection portal = portals.require(portalId);
        if (portal == null) {
            throw OutcomeException.notFound();
        }
        return connectForm(wizard, acting.person(), portal, null, "");
    }

    @GET
    @Path("{id}")
    public TemplateInstance status(@PathParam("id") String id) {
        ConnectionView view = wizard.view(id);
        PersonView person = acting.person();
        return Templates.status(new StatusView(person, view, offer.available(view), again(view)));
    }

    /** Whether the participant's last step changed nothing, judged by the connection's latest two attempts. */
    private String again(ConnectionView view) {
        if (view.failure() == null || view.status().equals(ConnectionStatus.VALIDATING.code())) {
            return null;
        }
        String code = view.failure().code();
        List<String> latest = attempts.latestOutcomes(view.id(), 2);
        if (ConnectionFailure.TWO_FACTOR_REQUIRED.code().equals(code) && !latest.isEmpty()
                && AttemptLimiter.WRONG_CODE.equals(latest.get(0))) {
            return AttemptLimiter.WRONG_CODE;
        }
        if (CHECK_AGAIN.contains(code) && latest.size() == 2 && latest.stream().allMatch(code::equals)) {
            return "same";
        }
        return null;
    }

    /** The return from a SMART portal. */
    @GET
    @Path("smart/callback")
    public Response callback(@QueryParam("state") String state, @QueryParam("code") String code,
            @QueryParam("error") String error, @QueryParam("error_description") String errorDescription,
            UriInfo uri) {
        ConnectionView view = wizard.completeAuthorization(state, code, error, errorDescription,
                ConnectionsApi.callback(origin));
        if (view.authorizeUrl() != null) {
            return Response.seeOther(URI.create(view.authorizeUrl())).build(); // asked again, with fewer scopes
        }
        return Response.seeOther(URI.create("/connections/" + view.id())).build();
    }

    static TemplateInstance connectForm(ConnectionWizard wizard, PersonView person, PortalConnection portal,
            String error, String username) {
        UUID existing = wizard.working(person.id().toString()).get(portal.portalId());
        return Templates.connect(new ConnectView(person, portal, error, username,
                existing == null ? null : wizard.view(existing.toString())));
    }

    static TemplateInstance statusPage(PersonView person, ConnectionView view, boolean offer) {
        return Templates.status(new StatusView(person, view, offer, null));
    }

    /** A website's host to show on a card ("mychart.example.org"), or null. */
    static String host(String website) {
        if (website == null) {
            return null;
        }
        try {
            String host = java.net.URI.create(website).getHost();
            return host == null ? null : host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
