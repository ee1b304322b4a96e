package health.ferry.accounts;

import health.ferry.outcome.Outcome;
import health.ferry.outcome.OutcomeException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/** Account pages: the owner's details and people, the child/ward forms, and switching who they act for. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {
    public record AccountPageView(AccountView account, List<PersonView> people, String notice) {
    }

    /** A child/ward form: where it posts, what was entered and what needs correcting, by field. */
    public record WardFormView(String action, boolean isNew, boolean isSelf, Map<String, String> values,
            Map<String, String> errors) {
        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public String error(String field) {
            return errors.get(field);
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

    public record RemoveView(PersonView person, String error) {
    }

    @CheckedTemplate(basePath = "accounts")
    static class Templates {
        static native TemplateInstance account(AccountPageView view);

        static native TemplateInstance wardForm(WardFormView view);

        static native TemplateInstance remove(RemoveView view);
    }

    @Inject
    CurrentAccount current;
    @Inject
    People people;
    @Inject
    Acting acting;

    @GET
    @Path("account")
    public TemplateInstance account() {
        return Templates.account(new AccountPageView(current.account(), current.people(), null));
    }

    @GET
    @Path("account/people/new")
    @RolesAllowed("participant")
    public TemplateInstance showAddForm() {
        return Templates.wardForm(new WardFormView("/account/people", true, false, Map.of("relationship", "child"),
                Map.of()));
    }

    @POST
    @Path("account/people")
    @RolesAllowed("participant")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response processAddForm(@RestForm String displayName, @RestForm String birthDate,
            @RestForm String relationship, @RestForm String authorityAttested) {
        People.WardForm form = new People.WardForm(displayName, birthDate, relationship, "on".equals(authorityAttested));
        try {
            people.add(form);
            return Response.seeOther(URI.create("/account")).build();
        } catch (OutcomeException e) {
            if (e.errors().isEmpty()) {
                throw e; // a limit, not a field to correct: the error page says which and until when
            }
            return invalid(new WardFormView("/account/people", true, false, values(form), errors(e)));
        }
    }

    @GET
    @Path("account/people/{personId}/edit")
    @RolesAllowed("participant")
    public TemplateInstance showEditForm(@PathParam("personId") String personId) {
        PersonView p = current.person(personId);
        Map<String, String> values = Map.of("displayName", p.displayName(), "birthDate",
                p.birthDate() == null ? "" : p.birthDate().toString(), "relationship", p.relationship());
        return Templates.wardForm(new WardFormView("/account/people/" + p.id(), false, p.isSelf(), values, Map.of()));
    }

    @POST
    @Path("account/people/{personId}")
    @RolesAllowed("participant")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response processEditForm(@PathParam("personId") String personId, @RestForm String displayName,
            @RestForm String birthDate, @RestForm String relationship, @RestForm String authorityAttested) {
        PersonView p = current.person(personId);
        People.WardForm form = new People.WardForm(displayName, birthDate, relationship, "on".equals(authorityAttested));
        try {
            people.update(p.id(), form);
            return Response.seeOther(URI.create("/account")).build();
        } catch (OutcomeException e) {
            return invalid(new WardFormView("/account/people/" + p.id(), false, p.isSelf(), values(form), errors(e)));
        }
    }

    @GET
    @Path("account/people/{personId}/remove")
    @RolesAllowed("participant")
    public TemplateInstance showRemoveForm(@PathParam("personId") String personId) {
        return Templates.remove(new RemoveView(current.person(personId), null));
    }

    @POST
    @Path("account/people/{personId}/remove")
    @RolesAllowed("participant")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response processRemoveForm(@PathParam("personId") String personId) {
        PersonView p = current.person(personId);
        try {
            people.remove(p.id());
            return Response.seeOther(URI.create("/account")).build();
        } catch (OutcomeException e) {
            if (e.outcome() == Outcome.NOT_FOUND) {
                throw e;
            }
            return Response.status(e.outcome().status()).entity(Templates.remove(new RemoveView(p, e.getMessage())))
                    .build();
        }
    }

    /** Switches who the owner acts for, then returns to the page they were on (local paths only). */
    @POST
    @Path("acting-as")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response switchActing(@RestForm String personId, @RestForm("return") String returnTo) {
        acting.switchTo(personId);
        return Response.seeOther(URI.create(safeReturn(returnTo))).build();
    }

    /**
     * A local path to go back to, else {@code /home}: never another site, and never a value that is not a valid
     * relative URI ({@code /{x}}, {@code /%zz}, {@code /a|b} answered 500 before).
     */
    static String safeReturn(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")
                || path.chars().anyMatch(c -> c < 0x21 || c >= 0x7f) || path.length() > 200) {
            return "/home";
        }
        try {
            URI uri = new URI(path);
            if (uri.isAbsolute() || uri.getRawAuthority() != null || uri.getRawPath() == null
                    || !uri.getRawPath().startsWith("/")) {
                return "/home";
            }
            // A percent sign must start a valid escape: decoding checks it.
            uri.getPath();
            java.net.URLDecoder.decode(uri.getRawPath(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return "/home";
        }
        return path;
    }

    private static Response invalid(WardFormView view) {
        return Response.status(400).entity(Templates.wardForm(view)).build();
    }

    private static Map<String, String> values(People.WardForm form) {
        return Map.of("displayName", nz(form.displayName()), "birthDate", nz(form.birthDate()), "relationship",
                nz(form.relationship()));
    }

    private static Map<String, String> errors(OutcomeException e) {
        if (e.errors().isEmpty()) {
            throw e;
        }
        return e.errors().stream().collect(Collectors.toMap(OutcomeException.FieldError::field,
                OutcomeException.FieldError::message, (a, b) -> a));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
