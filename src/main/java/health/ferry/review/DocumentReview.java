package health.ferry.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * The current decision on one document: accepted or rejected (with the reason the participant reads), what kind
 * and category the coordinator settled on, who decided and when. The version guards against two coordinators
 * silently overwriting each other.
 */
@Entity
@Table(name = "document_review")
class DocumentReview {
    @Id
    @Column(name = "document_id")
    UUID documentId;
    @Column(name = "upload_id", nullable = false)
    UUID uploadId;
    @Column(name = "study_id", nullable = false)
    String studyId;
    @Column(name = "person_id", nullable = false)
    UUID personId;
    @Column(nullable = false)
    String decision;
    String reason;
    String kind;
    String category;
    @Column(name = "decided_by", nullable = false)
    UUID decidedBy;
    @Column(name = "decided_by_username", nullable = false)
    String decidedByUsername;
    @Column(name = "decided_at", nullable = false)
    Instant decidedAt;
    @Version
    int version;

    protected DocumentReview() {
    }

    DocumentReview(ReviewSubject subject) {
        this.documentId = subject.documentId();
        this.uploadId = subject.uploadId();
        this.studyId = subject.studyId();
        this.personId = subject.personId();
    }

    void decide(Decision decision, String reason, String kind, String category, UUID by, String username,
            Instant now) {
        this.decision = decision.code();
        this.reason = reason;
        this.kind = kind;
        this.category = category;
        this.decidedBy = by;
        this.decidedByUsername = username;
        this.decidedAt = now;
    }

    ReviewView view() {
        return new ReviewView(decision, reason, kind, category, decidedByUsername, decidedAt, version + 1);
    }
}
