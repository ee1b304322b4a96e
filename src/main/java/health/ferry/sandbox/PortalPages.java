package health.ferry.sandbox;

import health.ferry.sandbox.SandboxTemplates.AccountRow;
import health.ferry.sandbox.SandboxTemplates.HomeView;
import health.ferry.sandbox.SandboxTemplates.NoticeView;
import health.ferry.sandbox.SandboxTemplates.TermsView;
import health.ferry.sandbox.SignIns.Kind;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The sandbox portal's other pages: its front page (accounts and addresses), the terms page a
 * {@code terms_acceptance_required} answer links to, the password page, and the portal's stylesheet.
 */
@Path("/sandbox")
@Produces(MediaType.TEXT_HTML)
class PortalPages {
    static final List<AccountRow> ACCOUNTS = List.of(
            new AccountRow("demo", "connects; several years of records in every category"),
            new AccountRow("twofactor", "asks for a code: 123456"),
            new AccountRow("family", "two profiles: Sam Carter (2014-05-02) and Alice Carter (1984-02-11)"),
            new AccountRow("terms", "asks to accept new terms of use, once"),
            new AccountRow("expired", "password change required"),
            new AccountRow("locked", "account locked"),
            new AccountRow("empty", "connects; no records"),
            new AccountRow("flaky", "unavailable (503) on every odd-numbered sign-in; its first FHIR search per token is 503 with Retry-After: 1"),
            new AccountRow("shortlived", "connects; access ends after 60 seconds"),
            new AccountRow("strict", "connects; each refresh token works once, and presenting a used one revokes the access"));

    @Inject
    SignIns signIns;
    @Inject
    SandboxUrls urls;
    @Inject
    SandboxMessages messages;
    @Inject
    Engine engine;

    @GET
    public TemplateInstance home() {
        return SandboxTemplates.home(new HomeView(urls.fhirBase(), ACCOUNTS));
    }

    @GET
    @Path("terms")
    public Response terms(@RestQuery String ticket) {
        if (!signIns.termsTicketValid(ticket)) {
            return expired();
        }
        return Response.ok(SandboxTemplates.terms(new TermsView("/sandbox/terms", null, ticket))).build();
    }

    @POST
    @Path("terms")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acceptTerms(@RestForm String ticket) {
        if (signIns.acceptTerms(ticket).kind() == Kind.INVALID_CHALLENGE) {
            return expired();
        }
        return Response.ok(notice(messages.terms_accepted_title(), messages.terms_accepted_text())).build();
    }

    @GET
    @Path("password")
    public TemplateInstance password() {
        return notice(messages.password_title(), messages.password_text());
    }

    @GET
    @Path("assets/sandbox.css")
    public Response stylesheet() {
        return Response.ok(engine.getTemplate("sandbox/sandbox.css").render(), "text/css;charset=UTF-8")
                .header("Cache-Control", "public, max-age=3600").build();
    }

    private Response expired() {
        return Response.status(400).entity(notice(messages.link_expired_title(), messages.link_expired_text()))
                .build();
    }

    private static TemplateInstance notice(String title, String text) {
        return SandboxTemplates.notice(new NoticeView(title, text));
    }
}
