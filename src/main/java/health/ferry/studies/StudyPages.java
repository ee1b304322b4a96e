package health.ferry.studies;

import health.ferry.accounts.Acting;
import health.ferry.accounts.CurrentAccount;
import health.ferry.accounts.PersonView;
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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/** Study pages: browse, read the consent, enrol the person being acted for, withdraw; the coordinator's list. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class StudyPages {
    public record StudyRow(Study study, EnrolmentView enrolment) {
        public boolean enrolled() {
            return enrolment != null && enrolment.isActive();
        }
    }

    public record StudiesView(PersonView person, List<StudyRow> studies) {
    }

    public record StudyView(PersonView person, Study study, EnrolmentView enrolment, String error) {
        public boolean enrolled() {
            return enrolment != null && enrolment.isActive();
        }
    }

    public record CoordinatorView(List<CoordinatedRow> studies) {
    }

    public record CoordinatedRow(Study study, long enrolled) {
    }

    @CheckedTemplate(basePath = "studies")
    static class Templates {
        static native TemplateInstance list(StudiesView view);

        static native TemplateInstance study(StudyView view);

        static native TemplateInstance coordinator(CoordinatorView view);
    }

    @Inject
    StudyCatalog catalog;
    @Inject
    Enrolments enrolments;
    @Inject
    Acting acting;
    @Inject
    CurrentAccount current;

    @GET
    @Path("studies")
    public TemplateInstance list() {
        PersonView person = acting.person();
        Map<String, EnrolmentView> mine = enrolmentsByStudy(person);
        return Templates.list(new StudiesView(person, catalog.all().stream()
                .map(s -> new StudyRow(s, mine.get(s.id()))).toList()));
    }

    @GET
    @Path("studies/{studyId}")
    public TemplateInstance study(@PathParam("studyId") String studyId) {
        return view(studyId, null);
    }

    @POST
    @Path("studies/{studyId}/enrol")
    @RolesAllowed("participant")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enrol(@PathParam("studyId") String studyId, @RestForm String personId,
            @RestForm String consentVersion, @RestForm String agree, @RestForm String sharingChosen,
            @RestForm List<String> shared) {
        if (!"on".equals(agree)) {
            return Response.status(400).entity(view(studyId, "Tick the box to confirm you agree to the consent."))
                    .build();
        }
        try {
            // The form says it offered the choice: then nothing ticked is a choice (refused), not "all"
            enrolments.enrol(studyId, personId, consentVersion, "on".equals(sharingChosen)
                    ? (shared == null ? List.of() : shared) : null);
        } catch (OutcomeException e) {
            return shownAgain(studyId, e);
        }
        return Response.seeOther(URI.create("/studies/" + studyId)).build();
    }

    @POST
    @Path("studies/{studyId}/sharing")
    @RolesAllowed("participant")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response share(@PathParam("studyId") String studyId, @RestForm String personId,
            @RestForm String enrolmentId, @RestForm List<String> shared) {
        try {
            enrolments.share(personId, enrolmentId, shared == null ? List.of() : shared);
        } catch (OutcomeException e) {
            return shownAgain(studyId, e);
        }
        return Response.seeOther(URI.create("/studies/" + studyId + "#sharing")).build();
    }

    /** The study page again with the failure's message (its field's, for an invalid form); a 404 stays one. */
    private Response shownAgain(String studyId, OutcomeException e) {
        if (e.outcome().status() == 404) {
            throw e;
        }
        String message = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message();
        return Response.status(e.outcome().status()).entity(view(studyId, message)).build();
    }

    @POST
    @Path("studies/{studyId}/withdraw")
    @RolesAllowed("participant")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("studyId") String studyId, @RestForm String personId,
            @RestForm String enrolmentId) {
        enrolments.withdraw(personId, enrolmentId);
        return Response.seeOther(URI.create("/studies/" + studyId)).build();
    }

    @GET
    @Path("coordinator")
    @RolesAllowed("coordinator")
    public TemplateInstance coordinator() {
        return Templates.coordinator(new CoordinatorView(catalog.coordinatedBy(current.account().username()).stream()
                .map(s -> new CoordinatedRow(s, enrolments.activeCount(s.id()))).toList()));
    }

    private TemplateInstance view(String studyId, String error) {
        Study study = catalog.find(studyId).orElseThrow(OutcomeException::notFound);
        PersonView person = acting.person();
        return Templates.study(new StudyView(person, study, enrolmentsByStudy(person).get(study.id()), error));
    }

    private Map<String, EnrolmentView> enrolmentsByStudy(PersonView person) {
        return enrolments.forPerson(person.id().toString()).stream()
                .collect(Collectors.toMap(EnrolmentView::studyId, Function.identity(), (a, b) -> a));
    }
}
