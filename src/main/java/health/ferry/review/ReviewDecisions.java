package health.ferry.review;

import health.ferry.accounts.CurrentAccount;
import health.ferry.outcome.Outcome;
import health.ferry.outcome.OutcomeException;
import health.ferry.review.CoordinatorViews.CoordinatorDocument;
import health.ferry.review.CoordinatorViews.CoordinatorUpload;
import health.ferry.uploads.SupportingDocuments;
import health.ferry.uploads.api.LabDecided;
import health.ferry.uploads.api.LabDecisionRequest;
import health.ferry.uploads.api.LabResultView;
import health.ferry.uploads.api.StudyUpload;
import health.ferry.uploads.api.SupportingDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The coordinator's desk, deciding: one document, a selection, the rest of a package (all or nothing, optimistic
 * locking through {@link Reviews}), and proposed lab results field by field. What may be decided is what
 * {@link ReviewQueue} shows the caller; each decision is announced as a {@link CoordinatorAction}, and a package
 * whose every document is decided as {@link PackageReviewed}.
 */
@ApplicationScoped
public class ReviewDecisions {
    @Inject
    CurrentAccount current;
    @Inject
    ReviewQueue queue;
    @Inject
    Reviews reviews;
    @Inject
    SupportingDocuments uploads;
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

    /** Decides on one document; the second of two concurrent deciders gets {@code already_decided}. */
    @Transactional
    public CoordinatorDocument decide(String documentId, ReviewRequest request) {
        ReviewQueue.Visible v = queue.visibleDocument(documentId);
        ReviewView review = decideOne(v.upload(), v.document(), request);
        settle(v.upload());
        return ReviewQueue.view(uploads.document(v.document().id()).orElseThrow(), review, null, null);
    }

    /** Decides on a selection of a package's documents, or on every undecided one: all or nothing. */
    @Transactional
    public CoordinatorUpload decideMany(String uploadId, BulkRequest request) {
        StudyUpload upload = queue.visibleUpload(uploadId);
        if (request == null) {
            throw OutcomeException.invalid("decision", "Choose accepted or rejected.");
        }
        Reviews.check(new ReviewRequest(request.decision(), request.reason(), null, null, null));
        Map<UUID, SupportingDocument> docs = uploads.documentsOf(List.of(upload.id())).get(upload.id()).stream()
                .collect(Collectors.toMap(SupportingDocument::id, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new));
        Map<UUID, ReviewView> decided = reviews.forUpload(upload.id());
        List<Selected> selection = request.documents() == null || request.documents().isEmpty()
                ? docs.keySet().stream().filter(id -> !decided.containsKey(id)).map(id -> new Selected(id
                        .toString(), 0)).toList()
                : request.documents();
        if (selection.isEmpty()) {
            throw OutcomeException.invalid("documents", "Every document of this package is already decided.");
        }
        for (Selected s : selection) {
            UUID id = CurrentAccount.parse(s == null ? null : s.id());
            SupportingDocument d = id == null ? null : docs.get(id);
            if (d == null) {
                throw OutcomeException.invalid("documents", "Not a document of this package: " + (s == null ? "null"
                        : s.id()));
            }
            decideOne(upload, d, new ReviewRequest(request.decision(), request.reason(), null, null, s.version()));
        }
        settle(upload);
        return queue.view(uploads.upload(upload.id()).orElseThrow());
    }

    /**
     * Confirms, corrects or drops fields of a result proposed from the document, all or nothing (see
     * {@link SupportingDocuments#decideLabResult}).
     */
    @Transactional
    public LabResultView decideLabResult(String documentId, String resultId, LabDecisionRequest request) {
        ReviewQueue.Visible v = queue.visibleDocument(documentId);
        LabDecided done = uploads.decideLabResult(v.document().id(), resultId, request);
        actions.fire(new CoordinatorAction(current.actor(), "decide_lab_result", "document",
                v.document().id().toString(), v.upload().personId(), v.upload().studyId(), "result="
                        + done.result().position() + " outcome=" + done.result().outcome() + " fields="
                        + String.join(",", done.decidedNow())));
        return done.result();
    }

    private ReviewView decideOne(StudyUpload upload, SupportingDocument d, ReviewRequest request) {
        if (!upload.inReview()) {
            throw new OutcomeException(Outcome.CONFLICT, "This upload is not ready for review.");
        }
        String kind = ReviewQueue.blank(request.kind()) ? null : request.kind().strip();
        if (kind != null && !uploads.kinds().contains(kind)) {
            throw OutcomeException.invalid("kind", "Not a document kind.");
        }
        ReviewView review = reviews.decide(new ReviewSubject(d.id(), upload.id(), upload.studyId(),
                upload.personId()), request, kind);
        uploads.reclassify(d.id(), kind, review.category());
        actions.fire(new CoordinatorAction(current.actor(), "decide_document", "document", d.id().toString(),
                upload.personId(), upload.studyId(), "decision=" + review.decision() + (kind == null ? ""
                        : " kind=" + kind) + (review.category() == null ? "" : " category=" + review.category())));
        return review;
    }

    /** Brings the upload's status in line with its decisions; announces a package that is done. */
    private void settle(StudyUpload upload) {
        Map<UUID, ReviewView> decided = reviews.forUpload(upload.id());
        boolean anyAccepted = decided.values().stream().anyMatch(r -> Decision.ACCEPTED.code().equals(r
                .decision()));
        if (uploads.markReviewed(upload.id(), decided.size(), anyAccepted)) {
            packageReviewed.fire(new PackageReviewed(upload.personId(), upload.studyId(), upload.id()));
        }
    }
}
