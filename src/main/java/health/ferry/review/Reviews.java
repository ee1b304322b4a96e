package health.ferry.review;

import health.ferry.accounts.CurrentAccount;
import health.ferry.outcome.FreeText;
import health.ferry.outcome.Outcome;
import health.ferry.outcome.OutcomeException;
import health.ferry.records.RecordCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.exception.ConstraintViolationException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Coordinators' decisions on documents. A decision on an undecided document needs no version; changing a decision
 * needs the version the coordinator saw, so two coordinators never silently overwrite each other: the second is
 * told with {@code already_decided} (409) and the current decision. Callers hold the transaction.
 */
@ApplicationScoped
public class Reviews {
    static final int MAX_REASON = 1000;

    @Inject
    ReviewRepository reviews;
    @Inject
    CurrentAccount current;
    @Inject
    Clock clock;

    /** The checked decision of a request: its decision, and the reason trimmed (null when blank). */
    public record Checked(Decision decision, String reason, String category) {
    }

    /** Validates a request before anything is changed: decision, reason (required to reject), category. */
    public static Checked check(ReviewRequest request) {
        if (request == null) {
            throw OutcomeException.invalid("decision", "Choose accepted or rejected.");
        }
        Decision decision = Decision.fromCode(request.decision()).orElseThrow(() -> OutcomeException.invalid(
                "decision", "Choose accepted or rejected."));
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        if (decision == Decision.REJECTED && reason == null) {
            throw OutcomeException.invalid("reason", "Tell the participant why, so they know what to send instead.");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw OutcomeException.invalid("reason", "At most " + MAX_REASON + " characters.");
        }
        FreeText.requireText("reason", reason);
        String category = request.category() == null || request.category().isBlank() ? null
                : request.category().strip();
        if (category != null && RecordCategory.fromCode(category).isEmpty()) {
            throw OutcomeException.invalid("category", "Not a record category.");
        }
        return new Checked(decision, reason, category);
    }

    /**
     * Records the decision on one document (kind already checked by the caller, who knows the kinds).
     *
     * @return the decision as stored, with its new version
     */
    public ReviewView decide(ReviewSubject subject, ReviewRequest request, String kind) {
        Checked checked = check(request);
        int seen = request.version() == null ? 0 : request.version();
        DocumentReview review = reviews.findById(subject.documentId());
        int currentVersion = review == null ? 0 : review.version + 1;
        if (seen != currentVersion) {
            throw alreadyDecided(review);
        }
        boolean created = review == null;
        if (created) {
            review = new DocumentReview(subject);
        }
        review.decide(checked.decision(), checked.reason(), kind, checked.category(), current.account().id(),
                current.account().username(), clock.instant());
        try {
            if (created) {
                reviews.persist(review);
            }
            reviews.flush();
        } catch (OptimisticLockException | ConstraintViolationException e) {
            // Another coordinator's decision committed between our read and our write.
            throw alreadyDecided(null);
        }
        return review.view();
    }

    /** The decisions on an upload's documents, by document id. */
    public Map<UUID, ReviewView> forUpload(UUID uploadId) {
        return byDocument(reviews.findByUpload(uploadId));
    }

    /** The decisions on several uploads' documents, by document id. */
    public Map<UUID, ReviewView> forUploads(Collection<UUID> uploadIds) {
        return byDocument(reviews.findByUploads(uploadIds));
    }

    /** Documents of a study with this decision, oldest decision first. */
    public List<DecidedDocument> decided(String studyId, Decision decision) {
        return reviews.findByStudyAndDecision(studyId, decision.code()).stream()
                .map(r -> new DecidedDocument(r.documentId, r.uploadId, r.personId, r.view())).toList();
    }

    /** How many documents of a study carry this decision. */
    public long count(String studyId, Decision decision) {
        return reviews.countByStudyAndDecision(studyId, decision.code());
    }

    /** A decided document of a study. */
    public record DecidedDocument(UUID documentId, UUID uploadId, UUID personId, ReviewView review) {
    }

    private static Map<UUID, ReviewView> byDocument(List<DocumentReview> list) {
        Map<UUID, ReviewView> map = new HashMap<>();
        list.forEach(r -> map.put(r.documentId, r.view()));
        return map;
    }

    private static OutcomeException alreadyDecided(DocumentReview review) {
        OutcomeException e = new OutcomeException(Outcome.ALREADY_DECIDED,
                "This document has been decided on since you opened it. Reload it to see the current decision.");
        if (review != null) {
            e.with("currentDecision", review.decision).with("currentVersion", String.valueOf(review.version + 1))
                    .with("decidedBy", review.decidedByUsername);
        }
        return e;
    }
}
