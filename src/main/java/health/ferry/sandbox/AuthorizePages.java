package health.ferry.sandbox;

import health.ferry.sandbox.Authorizations.Checked;
import health.ferry.sandbox.Authorizations.Pending;
import health.ferry.sandbox.SandboxTemplates.Choice;
import health.ferry.sandbox.SandboxTemplates.LoginView;
import health.ferry.sandbox.SandboxTemplates.NoticeView;
import health.ferry.sandbox.SandboxTemplates.ProfileView;
import health.ferry.sandbox.SandboxTemplates.SecondFactorView;
import health.ferry.sandbox.SandboxTemplates.TermsView;
import health.ferry.sandbox.SignIns.Step;
import health.ferry.sandbox.SignIns.Surface;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The sandbox's SMART authorization endpoint and its own login pages: sign in, then a second factor, the terms or a
 * profile choice as the account asks, then back to the app with a code; "Deny" on any page sends access_denied.
 */
@Path("/sandbox/oauth")
@Produces(MediaType.TEXT_HTML)
class AuthorizePages {
    /** The name the login page gives the app asking for access (both registered clients are Ferry). */
    static final String APP = "Ferry";

    @Inject
    Authorizations authorizations;
    @Inject
    SignIns signIns;
    @Inject
    SandboxMessages messages;

    @GET
    @Path("authorize")
    public Response authorize(@Context UriInfo uri) {
        Map<String, String> query = new HashMap<>();
        boolean repeated = uri.getQueryParameters().entrySet().stream().anyMatch(e -> e.getValue().size() > 1);
        uri.getQueryParameters().forEach((name, values) -> query.put(name, values.get(0)));
        Checked checked = authorizations.check(query);
        if (checked.error() != null && checked.pending() == null) {
            return page(400, notice(messages.bad_request_title(), messages.bad_request_text(checked.description())));
        }
        if (repeated) {
            return redirect(authorizations.error(checked.pending(), "invalid_request", "A parameter is repeated."));
        }
        if (checked.error() != null) {
            return redirect(authorizations.error(checked.pending(), checked.error(), checked.description()));
        }
        String requestId = authorizations.open(checked.pending());
        return page(200, login(requestId, checked.pending(), null));
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@RestForm String request, @RestForm String username, @RestForm String password) {
        return within(request, () -> signIns.signIn(username, password, null, Surface.LOGIN_PAGE));
    }

    @POST
    @Path("second-factor")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response secondFactor(@RestForm String request, @RestForm String challenge, @RestForm String code) {
        return within(request, () -> signIns.secondFactor(challenge, code));
    }

    @POST
    @Path("profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response profile(@RestForm String request, @RestForm String challenge, @RestForm String profileId) {
        return within(request, () -> signIns.chooseProfile(challenge, profileId));
    }

    @POST
    @Path("terms")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response terms(@RestForm String request, @RestForm String ticket) {
        return within(request, () -> signIns.acceptTerms(ticket));
    }

    @POST
    @Path("deny")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deny(@RestForm String request) {
        return authorizations.deny(request).map(this::redirect).orElseGet(this::expired);
    }

    /** Takes the next sign-in step for a request still open, or says the page has expired. */
    private Response within(String requestId, Supplier<Step> step) {
        return authorizations.pending(requestId).map(p -> next(requestId, p, step.get())).orElseGet(this::expired);
    }

    private Response next(String requestId, Pending pending, Step step) {
        return switch (step.kind()) {
            case SIGNED_IN -> authorizations.approve(requestId, step).map(this::redirect).orElseGet(this::expired);
            case TWO_FACTOR_REQUIRED -> page(200, SandboxTemplates.secondFactor(
                    new SecondFactorView(requestId, step.challengeId(), null)));
            case WRONG_CODE -> page(200, SandboxTemplates.secondFactor(
                    new SecondFactorView(requestId, step.challengeId(), messages.error_wrong_code())));
            case MULTIPLE_PROFILES -> page(200, profiles(requestId, step, null));
            case INVALID_PROFILE -> page(200, profiles(requestId, step, messages.error_choose_profile()));
            case TERMS_ACCEPTANCE_REQUIRED -> page(200, SandboxTemplates.terms(
                    new TermsView("/sandbox/oauth/terms", requestId, step.ticket())));
            case INVALID_CREDENTIALS -> page(200, login(requestId, pending, messages.error_invalid_credentials()));
            case ACCOUNT_LOCKED -> page(200, login(requestId, pending, messages.error_locked()));
            case PASSWORD_CHANGE_REQUIRED -> page(200, SandboxTemplates.login(new LoginView(requestId, APP,
                    access(pending), messages.error_password_expired(), true)));
            case UNAVAILABLE -> page(503, login(requestId, pending, messages.error_unavailable()));
            case INVALID_CHALLENGE -> expired();
        };
    }

    private TemplateInstance login(String requestId, Pending pending, String error) {
        return SandboxTemplates.login(new LoginView(requestId, APP, access(pending), error, false));
    }

    private List<String> access(Pending pending) {
        List<String> access = new ArrayList<>();
        for (String scope : pending.scopes()) {
            if (scope.startsWith("patient/*")) {
                access.add(messages.access_all());
            } else if (scope.startsWith("patient/")) {
                access.add(messages.access_type(scope.substring(8, scope.indexOf('.'))));
            }
        }
        if (Scopes.offline(pending.scopes())) {
            access.add(messages.access_offline());
        }
        return access.stream().distinct().toList();
    }

    private TemplateInstance profiles(String requestId, Step step, String error) {
        return SandboxTemplates.profile(new ProfileView(requestId, step.challengeId(), step.account().profiles()
                .stream().map(p -> new Choice(p.id(), messages.profile_choice(p.name(), p.birthDate().toString())))
                .toList(), error));
    }

    private Response expired() {
        return page(400, notice(messages.link_expired_title(), messages.link_expired_text()));
    }

    private static TemplateInstance notice(String title, String text) {
        return SandboxTemplates.notice(new NoticeView(title, text));
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page).build();
    }

    private Response redirect(String url) {
        return Response.seeOther(URI.create(url)).build();
    }
}
