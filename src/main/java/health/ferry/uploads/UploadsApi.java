package health.ferry.uploads;

import health.ferry.uploads.api.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** JSON API v1: upload Supporting Documents for a study, follow their processing, list a person's uploads. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "Supporting Documents")
public class UploadsApi {
    @Inject
    UploadIntake intake;
    @Inject
    UploadReads reads;


    @POST
    @Path("studies/{studyId}/people/{personId}/supporting-documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a .zip, or several files (a folder, the relative path as file name); processing "
            + "continues in the background")
    public Response upload(@PathParam("studyId") String studyId, @PathParam("personId") String personId,
            @RestForm("file") List<FileUpload> files, @RestForm String prerequisiteConfirmed,
            @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        UUID id = intake.receive(UploadForms.submission(studyId, personId, prerequisiteConfirmed, idempotencyKey,
                files));
        return Response.accepted(reads.view(id.toString()))
                .location(uri.getBaseUriBuilder().path("api/v1/uploads/{id}").build(id)).build();
    }

    @GET
    @Path("uploads/{uploadId}")
    @Operation(summary = "One upload: status, progress, documents with their kinds, skipped entries, rejection")
    public UploadView getUpload(@PathParam("uploadId") String uploadId) {
        return reads.view(uploadId);
    }

    @GET
    @Path("people/{personId}/uploads")
    @Operation(summary = "A person's uploads, newest first")
    public Page<UploadView> listUploads(@PathParam("personId") String personId) {
        List<UploadView> items = reads.forPerson(personId);
        return new Page<>(items, items.size());
    }
}
