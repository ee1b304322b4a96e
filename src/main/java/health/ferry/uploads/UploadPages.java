package health.ferry.uploads;

import health.ferry.accounts.Acting;
import health.ferry.accounts.CurrentAccount;
import health.ferry.accounts.PersonView;
import health.ferry.outcome.OutcomeException;
import health.ferry.uploads.UploadOverview.OverviewView;
import health.ferry.uploads.UploadOverview.UploadRow;
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
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Supporting Documents pages: the studies the person being acted for may upload to, the prerequisite question,
 * the upload form (a plain multipart post without JavaScript), each upload's page, and My data.
 */
@Path("/supporting-documents")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("participant")
public class UploadPages {
    /** One upload's page. */
    public record UploadPageView(PersonView person, UploadRow row) {
    }

    @CheckedTemplate(basePath = "uploads")
    static class Templates {
        static native TemplateInstance overview(OverviewView view);

        static native TemplateInstance upload(UploadPageView view);
    }

    @Inject
    Acting acting;
    @Inject
    CurrentAccount current;
    @Inject
    UploadOverview overview;
    @Inject
    UploadGates gates;
    @Inject
    Prerequisites prerequisites;
    @Inject
    UploadIntake intake;
    @Inject
    UploadReads reads;

    @GET
    public TemplateInstance overview() {
        return Templates.overview(overview.of(acting.person(), null, null));
    }

    @POST
    @Path("{studyId}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("studyId") String studyId, @RestForm String personId,
            @RestForm String confirm) {
        if (!"on".equals(confirm)) {
            return again(personId, studyId, 400, "Tick the box if the statement is true for this person.");
        }
        try {
            prerequisites.confirm(gates.admit(studyId, personId, true));
        } catch (OutcomeException e) {
            return failed(personId, studyId, e);
        }
        return Response.seeOther(URI.create("/supporting-documents#study-" + studyId)).build();
    }

    @POST
    @Path("{studyId}/uploads")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("studyId") String studyId, @RestForm String personId,
            @RestForm String prerequisiteConfirmed, @RestForm("file") List<FileUpload> files) {
        UUID id;
        try {
            id = intake.receive(UploadForms.submission(studyId, personId, prerequisiteConfirmed, null, files));
        } catch (OutcomeException e) {
            return failed(personId, studyId, e);
        }
        return Response.seeOther(URI.create("/supporting-documents/uploads/" + id)).build();
    }

    @GET
    @Path("uploads/{uploadId}")
    public TemplateInstance upload(@PathParam("uploadId") String uploadId) {
        return Templates.upload(new UploadPageView(acting.person(), overview.row(reads.view(uploadId))));
    }

    /** A refused post shows the overview again with the reason; what is not yours stays a plain 404. */
    private Response failed(String personId, String studyId, OutcomeException e) {
        if (e.outcome().status() == 404) {
            throw e;
        }
        String reason = e.errors().isEmpty() ? e.getMessage()
                : String.join(" ", e.errors().stream().map(OutcomeException.FieldError::message).toList());
        return again(personId, studyId, e.outcome().status(), reason);
    }

    /** The page again, for the person the form was for (it may not be the one acted for in another tab). */
    private Response again(String personId, String studyId, int status, String error) {
        PersonView person = current.person(personId);
        return Response.status(status).entity(Templates.overview(overview.of(person, error, studyId))).build();
    }
}
