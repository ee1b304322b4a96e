package health.ferry.uploads;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A participant's answer to a study's prerequisite question for one person: who, when, and the words confirmed. */
@Entity
@Table(name = "prerequisite_confirmation")
class PrerequisiteConfirmation {
    @Id
    UUID id;
    @Column(name = "study_id", nullable = false)
    String studyId;
    @Column(name = "person_id", nullable = false)
    UUID personId;
    @Column(nullable = false)
    String question;
    @Column(name = "confirmed_by", nullable = false)
    UUID confirmedBy;
    @Column(name = "confirmed_at", nullable = false)
    Instant confirmedAt;

    protected PrerequisiteConfirmation() {
    }

    PrerequisiteConfirmation(String studyId, UUID personId, String question, UUID by, Instant now) {
        this.id = UUID.randomUUID();
        this.studyId = studyId;
        this.personId = personId;
        this.question = question;
        this.confirmedBy = by;
        this.confirmedAt = now;
    }
}
