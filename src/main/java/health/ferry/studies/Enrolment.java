package health.ferry.studies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import health.ferry.records.RecordCategory;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
    /** Comma-separated category codes shared with the study; null (enrolments before V15): all it requests. */
    @Column(name = "shared_categories")
    String sharedCategories;
    /** When the study last exported this participant's records (copies it holds cannot be recalled). */
    @Column(name = "last_exported_at")
    Instant lastExportedAt;
    @Version
    int version;

    protected Enrolment() {
    }

    Enrolment(String studyId, UUID personId, String consentVersion, UUID by, String pseudonym, Instant now,
            Set<RecordCategory> shared) {
        this.id = UUID.randomUUID();
        this.studyId = studyId;
        this.personId = personId;
        this.pseudonym = pseudonym;
        consent(consentVersion, by, now, shared);
    }

    boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** (Re)gives consent at this version: the enrolment becomes active again. */
    void consent(String consentVersion, UUID by, Instant now, Set<RecordCategory> shared) {
        share(shared);
        this.status = ACTIVE;
        this.consentVersion = consentVersion;
        this.enrolledAt = now;
        this.enrolledBy = by;
        this.withdrawnAt = null;
    }

    /** Consents again, to the study's new consent version, while enrolled: the enrolment stays as it was. */
    void reconsent(String consentVersion, Set<RecordCategory> shared) {
        this.consentVersion = consentVersion;
        share(shared);
    }

    void share(Set<RecordCategory> shared) {
        this.sharedCategories = shared.stream().sorted().map(RecordCategory::code).collect(Collectors.joining(","));
    }

    /** What this enrolment shares: never more than the study requests (a study file may have dropped one). */
    Set<RecordCategory> shared(Study study) {
        return shared(sharedCategories, study);
    }

    /** Stored category codes, within what the study requests; null (stored before V15) is all it requests. */
    static Set<RecordCategory> shared(String codes, Study study) {
        if (codes == null) {
            return Set.copyOf(study.requestedCategories());
        }
        return Arrays.stream(codes.split(",")).map(RecordCategory::fromCode)
                .flatMap(java.util.Optional::stream).filter(study.requestedCategories()::contains)
                .collect(Collectors.toUnmodifiableSet());
    }

    boolean consentCurrent(Study study) {
        return study.consent().version().equals(consentVersion);
    }

    void withdraw(Instant now) {
        this.status = WITHDRAWN;
        this.withdrawnAt = now;
    }

    EnrolmentView view(Study study) {
        return new EnrolmentView(id, studyId, personId, consentVersion, enrolledAt, status, withdrawnAt,
                study == null ? null : shared(study).stream().sorted().map(RecordCategory::code).toList(),
                study == null || !isActive() ? null : !consentCurrent(study), lastExportedAt);
    }
}
