package health.ferry.review;

import health.ferry.accounts.CurrentAccount;
import health.ferry.accounts.People;
import health.ferry.outcome.OutcomeException;
import health.ferry.review.CoordinatorViews.CoordinatorDocument;
import health.ferry.review.CoordinatorViews.CoordinatorUpload;
import health.ferry.review.CoordinatorViews.Funnel;
import health.ferry.review.CoordinatorViews.Participant;
import health.ferry.studies.Enrolments;
import health.ferry.studies.Study;
import health.ferry.studies.StudyParticipant;
import health.ferry.uploads.SupportingDocuments;
import health.ferry.uploads.api.DocumentBytes;
import health.ferry.uploads.api.DocumentText;
import health.ferry.uploads.api.LabResultView;
import health.ferry.uploads.api.StudyUpload;
import health.ferry.uploads.api.SupportingDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The coordinator's desk, reading: a study's review queue, packages and documents with their text, bytes and
 * proposed lab results, the funnel. Only a coordinator the study lists sees anything ({@link CoordinatedStudies});
 * only active enrolments' uploads in review are shown, anything else is 404 as if it did not exist (audited); every
 * look and download is announced as a {@link CoordinatorAction} for the audit trail. Decisions are
 * {@link ReviewDecisions}'.
 */
@ApplicationScoped
public class ReviewQueue {
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
    SupportingDocuments uploads;
    @Inject
    StudyConnections connections;
    @Inject
    Event<CoordinatorAction> actions;

    /** A document and the upload it belongs to, both checked visible to the caller. */
    record Visible(SupportingDocument document, StudyUpload upload) {
    }

    /**
     * The study's queue: uploads under review, oldest first, optionally by review status ({@code new},
     * {@code in_review}, {@code done}) or upload status, and only packages holding a document of that kind or
     * category.
     */
    @Transactional
    public List<CoordinatorUpload> queue(String studyId, String status, String kind, String category) {
        Study study = studies.require(studyId);
        if (!blank(status) && !REVIEW_STATUSES.contains(status) && !uploads.statuses().contains(status)) {
            throw OutcomeException.invalid("status", "Use new, in_review or done, or an upload status.");
        }
        Map<UUID, Participant> known = participants(study);
        List<StudyUpload> list = uploads.forStudy(study.id()).stream().filter(u -> known.containsKey(u.personId()))
                .toList();
        List<CoordinatorUpload> views = views(list, known);
        actions.fire(new CoordinatorAction(current.actor(), "view_queue", "study", study.id(), null, study.id(),
                null));
        return views.stream()
                .filter(u -> blank(status) ? u.reviewStatus() != null
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
        StudyUpload upload = visibleUpload(uploadId);
        actions.fire(new CoordinatorAction(current.actor(), "view_upload", "upload", upload.id().toString(),
                upload.personId(), upload.studyId(), null));
        return view(upload);
    }

    /** One document with its extracted text (at most {@link #MAX_TEXT} characters). */
    @Transactional
    public CoordinatorDocument document(String documentId) {
        Visible v = visibleDocument(documentId);
        SupportingDocument d = v.document();
        DocumentText text = uploads.text(d.id(), MAX_TEXT);
        actions.fire(new CoordinatorAction(current.actor(), "view_document", "document", d.id().toString(),
                v.upload().personId(), v.upload().studyId(), "kind=" + d.kind()));
        return view(d, reviews.forUpload(d.uploadId()).get(d.id()), text.text(), text.truncated());
    }

    /** A document's original bytes; the caller sends them as an attachment that can never run. */
    @Transactional
    public DocumentBytes content(String documentId) {
        Visible v = visibleDocument(documentId);
        actions.fire(new CoordinatorAction(current.actor(), "download_document", "document",
                v.document().id().toString(), v.upload().personId(), v.upload().studyId(), "kind="
                        + v.document().kind()));
        return uploads.bytes(v.document().id());
    }

    /** The document's proposed lab results, for a coordinator of its study (404 for anyone else). */
    @Transactional
    public List<LabResultView> labResults(String documentId) {
        return uploads.labResults(visibleDocument(documentId).document().id());
    }

    /** The study's funnel: enrolled, portal search and connection steps, failures, uploads and accepted ones. */
    @Transactional
    public Funnel funnel(String studyId) {
        Study study = studies.require(studyId);
        List<UUID> active = enrolments.participants(study.id()).stream().filter(StudyParticipant::active)
                .map(StudyParticipant::personId).toList();
        StudyConnections.Counts c = connections.count(active);
        Set<UUID> activeSet = Set.copyOf(active);
        List<StudyUpload> list = uploads.forStudy(study.id()).stream().filter(u -> activeSet.contains(u.personId()))
                .toList();
        return new Funnel(active.size(), c.searched(), c.attempted(), c.connected(), c.failuresByCode(),
                list.size(), list.stream().filter(u -> StudyUpload.ACCEPTED.equals(u.status())).count());
    }

    // ------------------------------------------------------------------------------------------------------------

    /** The upload when the caller coordinates its study and it is in review; otherwise 404 (audited). */
    StudyUpload visibleUpload(String uploadId) {
        StudyUpload upload = uploads.upload(CurrentAccount.parse(uploadId)).orElse(null);
        if (upload == null || !visible(upload)) {
            throw current.denied("upload", String.valueOf(uploadId), null);
        }
        return upload;
    }

    /** The document when the caller coordinates its study and its upload is in review; otherwise 404 (audited). */
    Visible visibleDocument(String documentId) {
        SupportingDocument d = uploads.document(CurrentAccount.parse(documentId)).orElse(null);
        StudyUpload upload = d == null ? null : uploads.upload(d.uploadId()).orElse(null);
        if (upload == null || !visible(upload)) {
            throw current.denied("document", String.valueOf(documentId), null);
        }
        return new Visible(d, upload);
    }

    /** Coordinated by the caller, and the person's enrolment stands. */
    private boolean visible(StudyUpload upload) {
        return upload.inReview() && studies.coordinates(upload.studyId())
                && enrolments.activeParticipant(upload.studyId(), upload.personId()).isPresent();
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

    /** The package as its study's coordinators see it, with every document's decision. */
    CoordinatorUpload view(StudyUpload upload) {
        return views(List.of(upload), participants(studies.require(upload.studyId()))).get(0);
    }

    private List<CoordinatorUpload> views(Collection<StudyUpload> list, Map<UUID, Participant> known) {
        List<UUID> ids = list.stream().map(StudyUpload::id).toList();
        Map<UUID, List<SupportingDocument>> docs = uploads.documentsOf(ids);
        Map<UUID, ReviewView> decided = reviews.forUploads(ids);
        List<CoordinatorUpload> views = new ArrayList<>();
        for (StudyUpload u : list) {
            List<CoordinatorDocument> ds = docs.getOrDefault(u.id(), List.of()).stream()
                    .map(d -> view(d, decided.get(d.id()), null, null)).toList();
            long done = ds.stream().filter(d -> d.review() != null).count();
            String reviewStatus = !u.inReview() ? null : !u.awaitingReview() ? CoordinatorViews.DONE
                    : done == 0 ? CoordinatorViews.NEW : CoordinatorViews.IN_REVIEW;
            views.add(new CoordinatorUpload(u.id(), u.studyId(), known.get(u.personId()), u.status(), reviewStatus,
                    u.progress(), u.rejection(), ds, uploads.skipped(u.id()), u.receivedAt(), u.finishedAt()));
        }
        return views;
    }

    static CoordinatorDocument view(SupportingDocument d, ReviewView review, String text, Boolean truncated) {
        return new CoordinatorDocument(d.id(), d.uploadId(), d.name(), d.mediaType(), d.kind(), d.category(),
                d.confidence(), d.evidence(), d.size(), d.pages(), d.sha256(), d.extraction(), d.nestedArchive(),
                review, text, truncated, d.confidenceWords(), d.ocr(), d.textNote());
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
