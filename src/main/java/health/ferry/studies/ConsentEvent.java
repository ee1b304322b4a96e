package health.ferry.studies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One consent given or withdrawn, with the consent version and time. Never updated. */
@Entity
@Table(name = "consent_event")
class ConsentEvent {
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

    protected ConsentEvent() {
    }

    ConsentEvent(Enrolment enrolment, String action, UUID by, Instant at) {
        this.id = UUID.randomUUID();
        this.enrolmentId = enrolment.id;
        this.action = action;
        this.consentVersion = enrolment.consentVersion;
        this.byAccount = by;
        this.at = at;
    }
}
