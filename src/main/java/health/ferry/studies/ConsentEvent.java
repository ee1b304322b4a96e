package health.ferry.studies;

import health.ferry.records.RecordCategory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One consent event: given, re-given to a new version, a change of what is shared, or withdrawn; with the consent
 * version, the categories shared from then on, and the time. Never updated.
 */
@Entity
@Table(name = "consent_event")
class ConsentEvent {
    static final String GIVEN = "given";
    static final String RECONSENTED = "reconsented";
    static final String SHARING_CHANGED = "sharing_changed";
    static final String WITHDRAWN = "withdrawn";

    @Id
    UUID id;
    @Column(name = "enrolment_id", nullable = false)
    UUID enrolmentId;
    @Column(nullable = false)
    String action;
    @Column(name = "consent_version", nullable = false)
    String consentVersion;
    @Column(nullable = false)
    Instant at;
    @Column(name = "by_account", nullable = false)
    UUID byAccount;
    /** Comma-separated category codes shared from this event on; null on events from before V15. */
    @Column(name = "shared_categories")
    String sharedCategories;

    protected ConsentEvent() {
    }

    ConsentEvent(Enrolment enrolment, String action, UUID by, Instant at) {
        this.id = UUID.randomUUID();
        this.enrolmentId = enrolment.id;
        this.action = action;
        this.consentVersion = enrolment.consentVersion;
        this.sharedCategories = enrolment.sharedCategories;
        this.byAccount = by;
        this.at = at;
    }

    /** Opens a period in which records flow (consent given, or given again to a new version). */
    boolean opens() {
        return GIVEN.equals(action) || RECONSENTED.equals(action);
    }

    boolean withdraws() {
        return WITHDRAWN.equals(action);
    }

    /** What was shared from this event on, within what the study requests; all it requests on older events. */
    Set<RecordCategory> shared(Study study) {
        return Enrolment.shared(sharedCategories, study);
    }
}
