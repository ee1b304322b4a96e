package health.ferry.uploads;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A study's Supporting Documents package for one enrolled person: every upload and its documents attach to it. */
@Entity
@Table(name = "supporting_documents_package")
class SupportingDocumentsPackage {
    @Id
    UUID id;
    @Column(name = "study_id", nullable = false)
    String studyId;
    @Column(name = "person_id", nullable = false)
    UUID personId;
    @Column(name = "enrolment_id", nullable = false)
    UUID enrolmentId;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected SupportingDocumentsPackage() {
    }

    SupportingDocumentsPackage(String studyId, UUID personId, UUID enrolmentId, Instant now) {
        this.id = UUID.randomUUID();
        this.studyId = studyId;
        this.personId = personId;
        this.enrolmentId = enrolmentId;
        this.createdAt = now;
    }

    /** A new upload of this package, received from {@code by} under that prerequisite confirmation. */
    Upload attach(Upload.Content content, UUID by, UUID confirmationId, Instant now) {
        return new Upload(this, content, by, confirmationId, now);
    }
}
