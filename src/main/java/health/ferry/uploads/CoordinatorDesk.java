package health.ferry.uploads;

import health.ferry.uploads.classification.Classification;
import health.ferry.accounts.CurrentAccount;
import health.ferry.accounts.People;
import health.ferry.outcome.Outcome;
import health.ferry.outcome.OutcomeException;
import health.ferry.review.CoordinatedStudies;
import health.ferry.review.CoordinatorAction;
import health.ferry.review.Decision;
import health.ferry.review.PackageReviewed;
import health.ferry.review.ReviewRequest;
import health.ferry.review.ReviewSubject;
import health.ferry.review.ReviewView;
import health.ferry.review.Reviews;
import health.ferry.review.StudyConnections;
import health.ferry.studies.Enrolments;
import health.ferry.studies.Study;
import health.ferry.studies.StudyParticipant;
import health.ferry.uploads.CoordinatorViews.CoordinatorDocument;
import health.ferry.uploads.CoordinatorViews.CoordinatorUpload;
import health.ferry.uploads.CoordinatorViews.Funnel;
import health.ferry.uploads.CoordinatorViews.Participant;
import health.ferry.uploads.UploadView.Problem;
import health.ferry.uploads.UploadView.Progress;
import health.ferry.uploads.UploadView.SkippedView;
import health.ferry.uploads.classification.DocumentKind;
import health.ferry.uploads.storage.UploadStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The coordinator's side of Supporting Documents: a study's review queue, packages and documents with their text
 * and bytes, decisions (one, a selection, the rest of a package), the funnel. Only a coordinator the study lists
 * sees anything ({@link CoordinatedStudies}); only active enrolments' uploads are shown; every look, download and
 * decision is announced as a {@link CoordinatorAction} for the audit trail.
 */
@ApplicationScoped
public class CoordinatorDesk {
    /** Text shown to a coordinator at most (the stored text may be longer). */
    static final int MAX_TEXT = 100_000;
    static final Set<String> REVIEW_STATUSES = Set.of(CoordinatorViews.NEW, CoordinatorViews.IN_REVIEW,
            CoordinatorViews.DONE);

    @Inject
    CurrentAccount current;
    @Inject
    CoordinatedStudies studies;
    @Inject
    Enrolments enrolments;
    @Inject
    People people;
    @Inject
    Reviews reviews;
    @Inject
    UploadRepository uploads;
    @Inject
    DocumentRepository documents;
    @Inject
    DocumentTextRepository texts;
    @Inject
    SkippedRepository skipped;
    @Inject
    UploadStorage storage;
    @Inject
    StudyConnections connections;
    @Inject
    Event<CoordinatorAction> actions;
    @Inject
    Event<PackageReviewed> packageReviewed;

    /** A selection of documents with the decision version the coordinator saw on each. */
    public record Selected(String id, Integer version) {
    }

    /** A decision for several documents: the selection, or when it is empty every undecided document. */
    public record BulkRequest(String decision, String reason, List<Selected> documents) {
    }

    /** Original bytes of a document, to be sent as an attachment. */
    public record Content(String name, String mediaType, Path file, long size) {
    }

    /**
     * The study's queue: uploads under review, oldest first, optionally by review status ({@code new},
     * {@code in_review}, {@code done}) or upload status, and only packages holding a document of that kind or
     * category.
     */
    @Transactional
    public List<CoordinatorUpload> queue(String studyId, String status, String kind, String category) {
        Study study = studies.require(studyId);
        if (status != null && !status.isBlank() && !REVIEW_STATUSES.contains(status) && Arrays.stream(
                UploadStatus.values()).noneMatch(s -> s.code().equals(status))) {
            throw OutcomeException.invalid("status", "Use new, in_review or done, or an upload status.");
        }
        Map<UUID, Participant> known = participants(study);
        List<Upload> list = uploads.findByStudy(study.id()).stream().filter(u -> known.containsKey(u.personId))
                .toList();
        List<CoordinatorUpload> views = views(list, known);
        actions.fire(new CoordinatorAction(current.actor(), "view_queue", "study", study.id(), null, study.id(),
                null));
        return views.stream()
                .filter(u -> status == null || status.isBlank() ? u.reviewStatus() != null
                        : status.equals(u.reviewStatus()) || status.equals(u.status()))
                .filter(u -> blank(kind) || u.documents().stream().anyMatch(d -> kind.equals(d.kind())))
                .filter(u -> blank(category) || u.documents().stream().anyMatch(d -> category.equals(d.category())))
                .toList();
    }

    /** Counts of the queue by review status, for the tabs. */
    public Map<String, Long> counts(List<CoordinatorUpload> all) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String s : List.of(CoordinatorViews.NEW, CoordinatorViews.IN_REVIEW, CoordinatorViews.DONE)) {
            counts.put(s, all.stream().filter(u -> s.equals(u.reviewStatus())).count());
        }
        return counts;
    }

    /** One package (upload) with its documents and their decisions. */
    @Transactional
    public CoordinatorUpload upload(String uploadId) {
        Upload upload = visibleUpload(uploadId);
        Study study = studies.require(upload.studyId);
        actions.fire(new CoordinatorAction(current.actor(), "view_upload", "upload", upload.id.toString(),
                upload.personId, upload.studyId, null));
        return views(List.of(upload), participants(study)).get(0);
    }

    /** One document with its extracted text (at most {@link #MAX_TEXT} characters). */
    @Transactional
    public CoordinatorDocument document(String documentId) {
        UploadDocument d = visibleDocument(documentId);
        Upload upload = uploads.findById(d.uploadId);
        String text = texts.textOf(d.id);
        boolean truncated = text.length() > MAX_TEXT || texts.findByIdOptional(d.id).map(t -> t.truncated)
                .orElse(false);
        actions.fire(new CoordinatorAction(current.actor(), "view_document", "document", d.id.toString(),
                upload.personId, upload.studyId, "kind=" + d.kind));
        return view(d, reviews.forUpload(d.uploadId).get(d.id), text.length() > MAX_TEXT ? text.substring(0,
                MAX_TEXT) : text, truncated);
    }

    /** A document's original bytes; the caller sends them as an attachment that can never run. */
    @Transactional
    public Content content(String documentId) {
        UploadDocument d = visibleDocument(documentId);
        Upload upload = uploads.findById(d.uploadId);
        actions.fire(new CoordinatorAction(current.actor(), "download_document", "document", d.id.toString(),
                upload.personId, upload.studyId, "kind=" + d.kind));
        return new Content(d.name, d.mediaType, storage.resolve(d.blobPath), d.sizeBytes);
    }

    /** Decides on one document; the second of two concurrent deciders gets {@code already_decided}. */
    @Transactional
    public CoordinatorDocument decide(String documentId, ReviewRequest request) {
        UploadDocument d = visibleDocument(documentId);
        Upload upload = uploads.findById(d.uploadId);
        ReviewView review = decideOne(upload, d, request);
        settle(upload);
        return view(d, review, null, null);
    }

    /** Decides on a selection of a package's documents, or on every undecided one: all or nothing. */
    @Transactional
    public CoordinatorUpload decideMany(String uploadId, BulkRequest request) {
        Upload upload = visibleUpload(uploadId);
        if (request == null) {
            throw OutcomeException.invalid("decision", "Choose accepted or rejected.");
        }
        Reviews.check(new ReviewRequest(request.decision(), request.reason(), null, null, null));
        Map<UUID, UploadDocument> docs = documents.findByUpload(upload.id).stream()
                .collect(Collectors.toMap(x -> x.id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<UUID, ReviewView> decided = reviews.forUpload(upload.id);
        List<Selected> selection = request.documents() == null || request.documents().isEmpty()
                ? docs.keySet().stream().filter(id -> !decided.containsKey(id)).map(id -> new Selected(id
                        .toString(), 0)).toList()
                : request.documents();
        if (selection.isEmpty()) {
            throw OutcomeException.invalid("documents", "Every document of this package is already decided.");
        }
        for (Selected s : selection) {
            UUID id = CurrentAccount.parse(s == null ? null : s.id());
            UploadDocument d = id == null ? null : docs.get(id);
            if (d == null) {
                throw OutcomeException.invalid("documents", "Not a document of this package: " + (s == null ? "null"
                        : s.id()));
            }
            decideOne(upload, d, new ReviewRequest(request.decision(), request.reason(), null, null, s.version()));
        }
        settle(upload);
        return views(List.of(upload), participants(studies.require(upload.studyId))).get(0);
    }

    /** The study's funnel: enrolled, portal search and connection steps, failures, uploads and accepted ones. */
    @Transactional
    public Funnel funnel(String studyId) {
        Study study = studies.require(studyId);
        List<UUID> active = enrolments.participants(study.id()).stream().filter(StudyParticipant::active)
                .map(StudyParticipant::personId).toList();
        StudyConnections.Counts c = connections.count(active);
        Set<UUID> activeSet = Set.copyOf(active);
        List<Upload> list = uploads.findByStudy(study.id()).stream().filter(u -> activeSet.contains(u.personId))
                .toList();
        return new Funnel(active.size(), c.searched(), c.attempted(), c.connected(), c.failuresByCode(),
                list.size(), list.stream().filter(u -> u.status == UploadStatus.ACCEPTED).count());
    }

    // ------------------------------------------------------------------------------------------------------------

    private ReviewView decideOne(Upload upload, UploadDocument d, ReviewRequest request) {
        if (!upload.inReview()) {
            throw new OutcomeException(Outcome.CONFLICT, "This upload is not ready for review.");
        }
        String kind = blank(request.kind()) ? null : request.kind().strip();
        if (kind != null && Arrays.stream(DocumentKind.values()).noneMatch(k -> k.code().equals(kind))) {
            throw OutcomeException.invalid("kind", "Not a document kind.");
        }
        ReviewView review = reviews.decide(new ReviewSubject(d.id, upload.id, upload.studyId, upload.personId),
                request, kind);
        d.reclassify(kind, review.category());
        actions.fire(new CoordinatorAction(current.actor(), "decide_document", "document", d.id.toString(),
                upload.personId, upload.studyId, "decision=" + review.decision() + (kind == null ? "" : " kind="
                        + kind) + (review.category() == null ? "" : " category=" + review.category())));
        return review;
    }

    /** Brings the upload's status in line with its decisions; announces a package that is done. */
    private void settle(Upload upload) {
        List<UploadDocument> docs = documents.findByUpload(upload.id);
        Map<UUID, ReviewView> decided = reviews.forUpload(upload.id);
        boolean anyAccepted = decided.values().stream().anyMatch(r -> Decision.ACCEPTED.code().equals(r
                .decision()));
        if (upload.reviewed(docs.size(), (int) docs.stream().filter(x -> decided.containsKey(x.id)).count(),
                anyAccepted)) {
            packageReviewed.fire(new PackageReviewed(upload.personId, upload.studyId, upload.id));
        }
    }

    private Upload visibleUpload(String uploadId) {
        UUID id = CurrentAccount.parse(uploadId);
        Upload upload = id == null ? null : uploads.findById(id);
        if (upload == null || !visible(upload)) {
            throw current.denied("upload", String.valueOf(uploadId), null);
        }
        return upload;
    }

    /** The document when the caller coordinates its study and its upload is in review; otherwise 404 (audited). */
    UploadDocument visibleDocument(String documentId) {
        UUID id = CurrentAccount.parse(documentId);
        UploadDocument d = id == null ? null : documents.findById(id);
        Upload upload = d == null ? null : uploads.findById(d.uploadId);
        if (upload == null || !visible(upload)) {
            throw current.denied("document", String.valueOf(documentId), null);
        }
        return d;
    }

    /** Coordinated by the caller, and the person's enrolment stands. */
    private boolean visible(Upload upload) {
        return upload.inReview() && studies.coordinates(upload.studyId)
                && enrolments.activeParticipant(upload.studyId, upload.personId).isPresent();
    }

    /** Active participants of the study as its coordinators know them. */
    Map<UUID, Participant> participants(Study study) {
        Map<UUID, Participant> map = new LinkedHashMap<>();
        for (StudyParticipant p : enrolments.participants(study.id())) {
            if (p.active()) {
                map.put(p.personId(), new Participant(p.pseudonym(), study.coordinatorsSeeNames()
                        ? people.displayName(p.personId()).orElse(null) : null));
            }
        }
        return map;
    }

    private List<CoordinatorUpload> views(Collection<Upload> list, Map<UUID, Participant> known) {
        List<UUID> ids = list.stream().map(u -> u.id).toList();
        Map<UUID, List<UploadDocument>> docs = documents.findByUploads(ids).stream()
                .collect(Collectors.groupingBy(d -> d.uploadId));
        Map<UUID, ReviewView> decided = reviews.forUploads(ids);
        List<CoordinatorUpload> views = new ArrayList<>();
        for (Upload u : list) {
            List<CoordinatorDocument> ds = docs.getOrDefault(u.id, List.of()).stream()
                    .map(d -> view(d, decided.get(d.id), null, null)).toList();
            long done = ds.stream().filter(d -> d.review() != null).count();
            String reviewStatus = !u.inReview() ? null : u.status != UploadStatus.READY_FOR_REVIEW
                    ? CoordinatorViews.DONE : done == 0 ? CoordinatorViews.NEW : CoordinatorViews.IN_REVIEW;
            Problem rejection = u.rejectionCode == null ? null : new Problem(u.rejectionCode, u.rejectionMessage);
            views.add(new CoordinatorUpload(u.id, u.studyId, known.get(u.personId), u.status.code(), reviewStatus,
                    new Progress(u.progressDone, u.progressTotal), rejection, ds, skipped.findByUpload(u.id)
                            .stream().map(s -> new SkippedView(s.name, s.reason)).toList(), u.receivedAt,
                    u.finishedAt));
        }
        return views;
    }

    private static CoordinatorDocument view(UploadDocument d, ReviewView review, String text, Boolean truncated) {
        return new CoordinatorDocument(d.id, d.uploadId, d.name, d.mediaType, d.kind, d.category, d.confidence,
                d.evidence, d.sizeBytes, d.pages, d.sha256, d.extraction, d.nestedArchive, review, text, truncated,
                Classification.inWords(d.confidence), d.ocr, d.textNote());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
