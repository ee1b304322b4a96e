package health.ferry.review;

import health.ferry.accounts.CurrentAccount;
import health.ferry.outcome.OutcomeException;
import health.ferry.review.CoordinatorViews.CoordinatorDocument;
import health.ferry.review.CoordinatorViews.CoordinatorUpload;
import health.ferry.studies.Study;
import health.ferry.uploads.api.DocumentBytes;
import health.ferry.uploads.api.LabDecisionRequest;
import health.ferry.uploads.api.LabFieldDecision;
import health.ferry.uploads.api.LabFieldView;
import health.ferry.uploads.api.LabResultView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.Map;

/**
 * The coordinator's pages: a study's review queue, a package with its documents and decisions (one, a selection,
 * the rest), a document with its escaped text and a preview only for PDF, PNG and JPEG, and the study dashboard.
 * Anyone who does not coordinate the study gets the not-found page.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class CoordinatorPages {
    static final List<String> CATEGORIES = Arrays.stream(health.ferry.records.RecordCategory.values())
            .map(health.ferry.records.RecordCategory::code).toList();

    public record QueueView(Study study, String status, String kind, String category, Map<String, Long> counts,
            List<CoordinatorUpload> items, List<String> kinds, List<String> categories) {
    }

    /**
     * A package with its documents; {@code error} belongs to the document {@code errorFor} (shown at its card) or,
     * when that is null, to the bulk form.
     */
    public record PackageView(Study study, CoordinatorUpload upload, List<String> kinds, List<String> categories,
            String error, String errorFor) {
        public String errorAt(Object documentId) {
            return error != null && documentId != null && documentId.toString().equals(errorFor) ? error : null;
        }

        public String bulkError() {
            return errorFor == null ? error : null;
        }
    }

    /** "Accept every undecided document?" before it is done, naming how many. */
    public record ConfirmView(Study study, CoordinatorUpload upload, String decision, String reason, long count) {
    }

    public record DocumentPageView(Study study, CoordinatorDocument document, List<LabRow> labs) {
    }

    /** One field of a proposed lab result on the document's page: what was read, what the form holds, its error. */
    public record LabCell(String field, String label, String asRead, String value, boolean dropped, String decision,
            String error) {
    }

    /** One proposed lab result on the document's page: a form while pending, the outcome once settled. */
    public record LabRow(UUID id, int position, int page, String title, boolean pending, String outcome,
            String outcomeWords, List<LabCell> cells, String error) {
    }

    public record DashboardView(StudyDashboard.Dashboard dashboard, String sent, String error) {
    }

    @CheckedTemplate(basePath = "review")
    static class Templates {
        static native TemplateInstance queue(QueueView view);

        static native TemplateInstance reviewPackage(PackageView view);

        static native TemplateInstance confirmBulk(ConfirmView view);

        static native TemplateInstance reviewDocument(DocumentPageView view);

        static native TemplateInstance dashboard(DashboardView view);

        static native TemplateInstance behind(StudyDashboard.Behind view);
    }

    @Inject
    ReviewQueue desk;
    @Inject
    ReviewDecisions decisions;
    @Inject
    health.ferry.uploads.SupportingDocuments documents;
    @Inject
    StudyDashboard dashboards;
    @Inject
    CoordinatedStudies studies;

    @GET
    @Path("coordinator/studies/{studyId}/queue")
    public TemplateInstance queue(@PathParam("studyId") String studyId, @QueryParam("status") String status,
            @QueryParam("kind") String kind, @QueryParam("category") String category) {
        Study study = studies.require(studyId);
        List<CoordinatorUpload> all = desk.queue(study.id(), null, kind, category);
        String shown = status == null || status.isBlank() ? CoordinatorViews.NEW : status;
        List<CoordinatorUpload> items = all.stream().filter(u -> shown.equals(u.reviewStatus())).toList();
        return Templates.queue(new QueueView(study, shown, kind == null ? "" : kind, category == null ? ""
                : category, desk.counts(all), items, documents.kinds(), CATEGORIES));
    }

    @GET
    @Path("coordinator/uploads/{uploadId}")
    public TemplateInstance reviewPackage(@PathParam("uploadId") String uploadId) {
        return packagePage(uploadId, null, null);
    }

    @GET
    @Path("coordinator/documents/{documentId}")
    public TemplateInstance reviewDocument(@PathParam("documentId") String documentId) {
        return documentPage(documentId, null, null, null);
    }

    /** The document's page; after a refused lab form, that result shows what was entered and the errors. */
    private TemplateInstance documentPage(String documentId, UUID failedResult, MultivaluedMap<String, String> form,
            OutcomeException e) {
        CoordinatorDocument d = desk.document(documentId);
        CoordinatorUpload upload = desk.upload(d.uploadId().toString());
        List<LabRow> rows = desk.labResults(documentId).stream().map(r -> labRow(r, r.id().equals(failedResult) ? form : null,
                r.id().equals(failedResult) ? e : null)).toList();
        return Templates.reviewDocument(new DocumentPageView(studies.require(upload.studyId()), d, rows));
    }

    private static final Map<String, String> LAB_LABELS = Map.of(LabFieldView.TEST, "Test", LabFieldView.CODE,
            "LOINC code", LabFieldView.VALUE, "Value", LabFieldView.UNIT, "Unit (UCUM)", LabFieldView.RANGE,
            "Reference range", LabFieldView.FLAG, "Flag (H, L)", LabFieldView.DATE, "Date (year-month-day)");

    private static LabRow labRow(LabResultView r, MultivaluedMap<String, String> form, OutcomeException e) {
        Map<String, String> errors = new HashMap<>();
        if (e != null) {
            e.errors().forEach(x -> errors.merge(x.field(), x.message(), (a, b) -> a + " " + b));
        }
        List<String> drops = form == null ? List.of() : form.getOrDefault("drop", List.of());
        List<LabCell> cells = new ArrayList<>();
        String test = null;
        String value = null;
        for (LabFieldView f : r.fields()) {
            String asRead = f.proposed() == null ? "(nothing printed)" : f.proposed() + (f.printed() != null
                    && !f.printed().equals(f.proposed()) ? " (printed " + f.printed() + ")" : "");
            String entered = form == null ? f.value() : form.getFirst("f_" + f.field());
            cells.add(new LabCell(f.field(), LAB_LABELS.get(f.field()), asRead, entered == null ? "" : entered,
                    drops.contains(f.field()), f.decision(), errors.get(f.field())));
            if (LabFieldView.TEST.equals(f.field())) {
                test = f.value();
            } else if (LabFieldView.VALUE.equals(f.field())) {
                value = f.value();
            }
        }
        String general = e == null ? null : e.errors().isEmpty() ? e.getMessage() : errors.entrySet().stream()
                .filter(x -> !LAB_LABELS.containsKey(x.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse("Some values need another look: see the fields marked below.");
        String words = switch (r.outcome()) {
            case LabResultView.RECORDED -> "Confirmed: the participant is asked to accept it as a lab result.";
            case LabResultView.LEFT_OUT -> "Confirmed, but the participant's record settings leave lab results out.";
            case LabResultView.DROPPED -> "Dropped: it does not become a record.";
            default -> "Waiting for your check.";
        };
        return new LabRow(r.id(), r.position(), r.page(), (test == null ? "?" : test) + " " + (value == null ? ""
                : value), LabResultView.PENDING.equals(r.outcome()), r.outcome(), words, cells, general);
    }

    @POST
    @Path("coordinator/documents/{documentId}/lab-results/{resultId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decideLabResult(@PathParam("documentId") String documentId,
            @PathParam("resultId") String resultId, MultivaluedMap<String, String> form) {
        UUID result = CurrentAccount.parse(resultId);
        List<LabFieldDecision> fields = new ArrayList<>();
        String rest = null;
        if ("drop".equals(form.getFirst("action"))) {
            rest = LabFieldDecision.DROPPED;
        } else {
            List<String> drops = form.getOrDefault("drop", List.of());
            Map<String, String> proposed = new HashMap<>();
            desk.labResults(documentId).stream().filter(r -> r.id().equals(result)).findFirst() // none: 404 below
                    .ifPresent(r -> r.fields().stream().filter(f -> LabFieldDecision.PENDING.equals(f.decision()))
                            .forEach(f -> proposed.put(f.field(), f.proposed() == null ? "" : f.proposed())));
            for (Map.Entry<String, String> f : proposed.entrySet()) {
                String entered = form.getFirst("f_" + f.getKey());
                String typed = entered == null ? f.getValue() : entered.strip();
                if (drops.contains(f.getKey())) {
                    fields.add(new LabFieldDecision(f.getKey(), LabFieldDecision.DROPPED, null));
                } else if (typed.equals(f.getValue())) {
                    fields.add(new LabFieldDecision(f.getKey(), LabFieldDecision.CONFIRMED, null));
                } else {
                    fields.add(new LabFieldDecision(f.getKey(), LabFieldDecision.CORRECTED, typed));
                }
            }
        }
        try {
            decisions.decideLabResult(documentId, resultId, new LabDecisionRequest(fields, rest));
        } catch (OutcomeException e) {
            if (e.outcome().status() == 404) {
                throw e;
            }
            return Response.status(e.outcome().status()).entity(documentPage(documentId, result, form, e)).build();
        }
        return Response.seeOther(URI.create("/coordinator/documents/" + documentId + "#lab-" + result)).build();
    }

    /** The preview may be framed by Ferry's own pages only, and runs sandboxed (no script, no same origin). */
    static final String PREVIEW_CSP = "sandbox; frame-ancestors 'self'";

    /**
     * PDF, PNG and JPEG only, inline but sandboxed, framed by the document page (so not the {@code DENY} every other
     * response carries); anything else is download only (the API's content, an attachment).
     */
    @GET
    @Path("coordinator/documents/{documentId}/preview")
    @Produces(MediaType.WILDCARD)
    public Response preview(@PathParam("documentId") String documentId) {
        DocumentBytes c = desk.content(documentId);
        String type = c.mediaType();
        if (!List.of("application/pdf", "image/png", "image/jpeg").contains(type)) {
            throw OutcomeException.notFound();
        }
        StreamingOutput body = out -> Files.copy(c.file(), out);
        return Response.ok(body, type).header("Content-Disposition", "inline")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", PREVIEW_CSP)
                .header("X-Frame-Options", "SAMEORIGIN")
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("coordinator/documents/{documentId}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("documentId") String documentId, @FormParam("uploadId") String uploadId,
            @FormParam("decision") String decision, @FormParam("reason") String reason,
            @FormParam("kind") String kind, @FormParam("category") String category,
            @FormParam("version") Integer version) {
        // Checked before anything is decided: a form whose upload is not an id changes nothing (400).
        String upload = uuid("uploadId", uploadId);
        CoordinatorDocument decided;
        try {
            decided = decisions.decide(documentId, new ReviewRequest(decision, reason, kind, category, version));
        } catch (OutcomeException e) {
            return failed(upload, documentId, e);
        }
        return Response.seeOther(URI.create("/coordinator/uploads/" + decided.uploadId() + "#document-"
                + decided.id())).build();
    }

    @POST
    @Path("coordinator/uploads/{uploadId}/decisions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decideMany(@PathParam("uploadId") String uploadId, @FormParam("document") List<String> selected,
            @FormParam("decision") String decision, @FormParam("reason") String reason,
            @FormParam("scope") String scope, @FormParam("confirmed") String confirmed) {
        boolean all = "undecided".equals(scope);
        if (decision == null || decision.isBlank()) {
            return bulkRefused(uploadId, "choose");
        }
        if (!all && (selected == null || selected.isEmpty())) {
            return bulkRefused(uploadId, "nothing_selected");
        }
        if (all && !"yes".equals(confirmed)) {
            try {
                Reviews.check(new ReviewRequest(decision, reason, null, null, null));
            } catch (OutcomeException e) {
                return failed(uploadId, null, e);
            }
            return Response.ok(confirmation(uploadId, decision, reason)).build();
        }
        List<ReviewDecisions.Selected> selection = new ArrayList<>();
        for (String s : selected == null ? List.<String>of() : selected) {
            int colon = s.indexOf(':');
            selection.add(colon < 0 ? new ReviewDecisions.Selected(s, 0)
                    : new ReviewDecisions.Selected(s.substring(0, colon), parse(s.substring(colon + 1))));
        }
        try {
            decisions.decideMany(uploadId, new ReviewDecisions.BulkRequest(decision, reason, all ? List.of()
                    : selection));
        } catch (OutcomeException e) {
            return failed(uploadId, null, e);
        }
        return Response.seeOther(URI.create("/coordinator/uploads/" + uploadId)).build();
    }

    @GET
    @Path("coordinator/studies/{studyId}/dashboard")
    public TemplateInstance dashboard(@PathParam("studyId") String studyId, @QueryParam("sent") String sent) {
        return Templates.dashboard(new DashboardView(dashboards.of(studyId), sent, null));
    }

    /** The participants behind one bar of a dashboard chart (the chart's click, or its table's link). */
    @GET
    @Path("coordinator/studies/{studyId}/dashboard/{chart}/{bar}")
    public TemplateInstance behind(@PathParam("studyId") String studyId, @PathParam("chart") String chart,
            @PathParam("bar") String bar) {
        return Templates.behind(dashboards.behind(studyId, chart, bar));
    }

    @POST
    @Path("coordinator/studies/{studyId}/messages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response message(@PathParam("studyId") String studyId, @FormParam("participant") String participant,
            @FormParam("message") String message) {
        try {
            dashboards.message(studyId, participant, message);
        } catch (OutcomeException e) {
            if (e.errors().isEmpty()) {
                throw e;
            }
            return Response.status(400).entity(Templates.dashboard(new DashboardView(dashboards.of(studyId), null,
                    e.errors().get(0).message()))).build();
        }
        return Response.seeOther(URI.create("/coordinator/studies/" + studyId + "/dashboard?sent=" + participant))
                .build();
    }

    private TemplateInstance packagePage(String uploadId, String error, String errorFor) {
        CoordinatorUpload upload = desk.upload(uploadId);
        return Templates.reviewPackage(new PackageView(studies.require(upload.studyId()), upload, documents.kinds(), CATEGORIES,
                error, errorFor));
    }

    private TemplateInstance confirmation(String uploadId, String decision, String reason) {
        CoordinatorUpload upload = desk.upload(uploadId);
        long undecided = upload.documents().stream().filter(d -> d.review() == null).count();
        return Templates.confirmBulk(new ConfirmView(studies.require(upload.studyId()), upload, decision,
                reason == null ? "" : reason, undecided));
    }

    /** The bulk form was sent without a decision or a selection: nothing changes, and the page says so. */
    private Response bulkRefused(String uploadId, String why) {
        CoordinatorMessages text = io.quarkus.qute.i18n.MessageBundles.get(CoordinatorMessages.class);
        return Response.status(400).entity(packagePage(uploadId, text.bulk_refused(why), null)).build();
    }

    /**
     * A refused decision shows the package again with the reason at the document it belongs to (400, or 409 when
     * someone else decided).
     */
    private Response failed(String uploadId, String documentId, OutcomeException e) {
        if (e.outcome().status() == 404) {
            throw e;
        }
        String message = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message();
        return Response.status(e.outcome().status()).entity(packagePage(uploadId, message, documentId)).build();
    }

    private static String uuid(String field, String value) {
        try {
            return UUID.fromString(value == null ? "" : value.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw OutcomeException.invalid(field, "Not an upload of this study.");
        }
    }

    private static Integer parse(String s) {
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
