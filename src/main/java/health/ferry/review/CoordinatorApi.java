package health.ferry.review;

import health.ferry.review.CoordinatorViews.CoordinatorDocument;
import health.ferry.review.CoordinatorViews.CoordinatorUpload;
import health.ferry.review.CoordinatorViews.Funnel;
import health.ferry.uploads.api.LabDecisionRequest;
import health.ferry.uploads.api.LabResultView;
import health.ferry.uploads.SupportingDocuments;
import health.ferry.uploads.api.DocumentBytes;
import health.ferry.uploads.api.Page;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * JSON API v1 for study coordinators: the review queue, documents (text and original bytes), decisions, the funnel
 * and exports. Signed in is required (401); everything else is decided per study: anyone who does not coordinate
 * it gets 404, exactly as if it did not exist.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Coordinators")
public class CoordinatorApi {
    /** Originals are never rendered: no sniffing, no scripts, no plugins, no same-origin. */
    static final String SANDBOX_CSP = "sandbox; default-src 'none'";

    @Inject
    ReviewQueue queue;
    @Inject
    ReviewDecisions decisions;
    @Inject
    StudyExport exports;

    @GET
    @Path("coordinator/studies/{studyId}/uploads")
    @Operation(summary = "The study's uploads under review, oldest first; status new, in_review, done or an upload "
            + "status; participants by study pseudonym")
    public Page<CoordinatorUpload> uploads(@PathParam("studyId") String studyId, @QueryParam("status") String status,
            @QueryParam("kind") String kind, @QueryParam("category") String category) {
        List<CoordinatorUpload> items = queue.queue(studyId, status, kind, category);
        return new Page<>(items, items.size());
    }

    @GET
    @Path("coordinator/uploads/{uploadId}")
    @Operation(summary = "One package (upload) with its documents and decisions")
    public CoordinatorUpload upload(@PathParam("uploadId") String uploadId) {
        return queue.upload(uploadId);
    }

    @POST
    @Path("coordinator/uploads/{uploadId}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide on a selection of the package's documents ({id, version} each), or on every "
            + "undecided one when the selection is empty; all or nothing")
    public CoordinatorUpload decideMany(@PathParam("uploadId") String uploadId, ReviewDecisions.BulkRequest body) {
        return decisions.decideMany(uploadId, body);
    }

    @GET
    @Path("coordinator/documents/{documentId}")
    @Operation(summary = "A document with its extracted text (may be truncated)")
    public CoordinatorDocument document(@PathParam("documentId") String documentId) {
        return queue.document(documentId);
    }

    @GET
    @Path("coordinator/documents/{documentId}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The document's original bytes, always as an attachment that cannot run")
    public Response content(@PathParam("documentId") String documentId) {
        DocumentBytes c = queue.content(documentId);
        StreamingOutput body = out -> Files.copy(c.file(), out);
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", SupportingDocuments.attachment(c.name()))
                .header("Content-Length", c.size())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SANDBOX_CSP)
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("coordinator/documents/{documentId}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept or reject a document (a reason is required to reject), optionally reclassifying "
            + "it; send the version you saw to change a decision (409 already_decided otherwise)")
    public CoordinatorDocument decide(@PathParam("documentId") String documentId, ReviewRequest body) {
        return decisions.decide(documentId, body);
    }

    @GET
    @Path("coordinator/documents/{documentId}/lab-results")
    @RolesAllowed("coordinator")
    @Operation(summary = "Lab results proposed from a lab report's text, each field with its proposed value, the "
            + "correction, the decision (pending, confirmed, corrected, dropped), who and when; the result's outcome "
            + "(pending, recorded, left_out, dropped) and page")
    public Page<LabResultView> labResults(@PathParam("documentId") String documentId) {
        List<LabResultView> items = queue.labResults(documentId);
        return new Page<>(items, items.size());
    }

    @POST
    @Path("coordinator/documents/{documentId}/lab-results/{resultId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("coordinator")
    @Operation(summary = "Confirm, correct or drop fields of a proposed lab result ({fields:[{field, decision, "
            + "value}], rest: confirmed|dropped|null}), all or nothing; once no field is pending the result becomes a "
            + "pending Observation for the participant, or is dropped when its test or value was (409 "
            + "already_decided after that)")
    public LabResultView decideLabResult(@PathParam("documentId") String documentId,
            @PathParam("resultId") String resultId, LabDecisionRequest body) {
        return decisions.decideLabResult(documentId, resultId, body);
    }

    @GET
    @Path("coordinator/studies/{studyId}/funnel")
    @Operation(summary = "The study's funnel: enrolled, searched, attempted, connected, failures by code, uploads, "
            + "accepted uploads")
    public Funnel funnel(@PathParam("studyId") String studyId) {
        return queue.funnel(studyId);
    }

    @GET
    @Path("coordinator/studies/{studyId}/export")
    @Produces("application/zip")
    @Operation(summary = "Streams a ZIP: format=ndjson accepted records as FHIR NDJSON, one file per resource type; "
            + "format=zip accepted documents with manifest.csv; pseudonymised")
    public Response export(@PathParam("studyId") String studyId, @QueryParam("format") String format) {
        StudyExport.Prepared prepared = exports.prepare(studyId, format);
        StreamingOutput body = prepared.writer()::write;
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", SupportingDocuments.attachment(prepared.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .build();
    }
}
