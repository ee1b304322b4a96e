package health.ferry.studies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A person's place in a study: active while consent stands, withdrawn after. One row per study and person. */
@Entity
@Table(name = "enrolment")
public class Enrolment {
    static final String ACTIVE = "active";
    static final String WITHDRAWN = "withdrawn";

    @Id
    UUID id;
    @Column(name = "study_id", nullable = false)
    String studyId;
    @Column(name = "person_id", nullable = false)
    UUID personId;
    @Column(nullable = false)
    String status;
    @Column(name = "consent_version", nullable = false)
    String consentVersion;
    @Column(name = "enrolled_at", nullable = false)
    Instant enrolledAt;
    @Column(name = "withdrawn_at")
    Instant withdrawnAt;
    @Column(name = "enrolled_by", nullable = false)
    UUID enrolledBy;
    /** How coordinators see this participant in the study, unless consent lets them see names. */
    @Column(nullable = false)
    String pseudonym;
    @Version
    int version;

    protected Enrolment() {
    }

    Enrolment(String studyId, UUID personId, String consentVersion, UUID by, String pseudonym, Instant now) {
        this.id = UUID.randomUUID();
        this.studyId = studyId;
        this.personId = personId;
        this.pseudonym = pseudonym;
        consent(consentVersion, by, now);
    }

    boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** (Re)gives consent at this version: the enrolment becomes active again. */
    void consent(String consentVersion, UUID by, Instant now) {
        this.status = ACTIVE;
        this.consentVersion = consentVersion;
        this.enrolledAt = now;
        this.enrolledBy = by;
        this.withdrawnAt = null;
    }

    void withdraw(Instant now) {
        this.status = WITHDRAWN;
        this.withdrawnAt = now;
    }

    EnrolmentView view() {
        return new EnrolmentView(id, studyId, personId, consentVersion, enrolledAt, status, withdrawnAt);
    }
}
