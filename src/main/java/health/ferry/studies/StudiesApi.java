package health.ferry.studies;

import health.ferry.accounts.CurrentAccount;
import health.ferry.outcome.OutcomeException;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** JSON API v1: studies, enrolment with consent, withdrawal, and the studies a coordinator coordinates. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Studies")
public class StudiesApi {
    @Inject
    StudyCatalog catalog;
    @Inject
    Enrolments enrolments;
    @Inject
    CurrentAccount current;

    public record Page<T>(List<T> items, long total) {
        static <T> Page<T> of(List<T> items) {
            return new Page<>(items, items.size());
        }
    }

    /** {@code sharedCategories}: what to share, each a category the study requests; absent: all it requests. */
    public record EnrolmentRequest(String personId, String consentVersion, List<String> sharedCategories) {
    }

    /** The categories to share with the study from now on (any subset of what it requests, even none). */
    public record SharingRequest(List<String> sharedCategories) {
    }

    public record CoordinatedStudy(String id, String title, String summary, long enrolled) {
    }

    @GET
    @Path("studies")
    @Operation(summary = "All studies a participant can join")
    public Page<StudySummary> studies() {
        return Page.of(catalog.all().stream().map(StudySummary::of).toList());
    }

    @POST
    @Path("studies/{studyId}/enrollments")
    @RolesAllowed("participant")
    @Operation(summary = "Enrol yourself or a ward, accepting the study's current consent version and choosing the "
            + "categories to share (default: all the study requests); while enrolled under an older version, "
            + "consent again to the current one")
    public Response enrol(@PathParam("studyId") String studyId, EnrolmentRequest body, UriInfo uri) {
        if (body == null || body.personId() == null) {
            throw OutcomeException.invalid("personId", "Say who is enrolling (personId).");
        }
        EnrolmentView e = enrolments.enrol(studyId, body.personId(), body.consentVersion(),
                body.sharedCategories());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/people/{p}/enrollments/{e}")
                .build(e.personId(), e.id())).entity(e).build();
    }

    @GET
    @Path("people/{personId}/enrollments")
    @RolesAllowed("participant")
    @Operation(summary = "A person's enrolments, current and withdrawn")
    public Page<EnrolmentView> enrolmentsOf(@PathParam("personId") String personId) {
        return Page.of(enrolments.forPerson(personId));
    }

    @DELETE
    @Path("people/{personId}/enrollments/{enrollmentId}")
    @RolesAllowed("participant")
    @Operation(summary = "Withdraw consent: the person leaves the study; the consent history is kept")
    public Response withdraw(@PathParam("personId") String personId, @PathParam("enrollmentId") String enrollmentId) {
        enrolments.withdraw(personId, enrollmentId);
        return Response.noContent().build();
    }

    @PUT
    @Path("people/{personId}/enrollments/{enrollmentId}/sharing")
    @RolesAllowed("participant")
    @Operation(summary = "Change which categories the person shares with the study, from now on")
    public EnrolmentView share(@PathParam("personId") String personId,
            @PathParam("enrollmentId") String enrollmentId, SharingRequest body) {
        return enrolments.share(personId, enrollmentId, body == null ? null : body.sharedCategories());
    }

    @GET
    @Path("coordinator/studies")
    @RolesAllowed("coordinator")
    @Operation(summary = "The studies the signed-in coordinator coordinates")
    public Page<CoordinatedStudy> coordinated() {
        return Page.of(catalog.coordinatedBy(current.account().username()).stream()
                .map(s -> new CoordinatedStudy(s.id(), s.title(), s.summary(), enrolments.activeCount(s.id())))
                .toList());
    }
}
