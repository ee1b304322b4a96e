package health.ferry.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One row of the append-only audit trail: who, acting for whom, did what to which object, when, with what outcome. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEntry {
    @Id
    UUID id;
    @Column(nullable = false)
    Instant at;
    @Column(name = "actor_id")
    UUID actorId;
    @Column(name = "actor_username")
    String actorUsername;
    @Column(name = "actor_role")
    String actorRole;
    @Column(name = "subject_person")
    UUID subjectPerson;
    @Column(nullable = false)
    String action;
    @Column(name = "object_type")
    String objectType;
    @Column(name = "object_id")
    String objectId;
    @Column(name = "study_id")
    String studyId;
    @Column(nullable = false)
    String outcome;
    @Column(name = "source_ip")
    String sourceIp;
    String detail;

    protected AuditEntry() {
    }

    AuditEntry(Instant at, String action, String outcome) {
        this.id = UUID.randomUUID();
        this.at = at;
        this.action = action;
        this.outcome = outcome;
    }

    public Instant at() {
        return at;
    }

    public String action() {
        return action;
    }

    public String outcome() {
        return outcome;
    }

    public String actorUsername() {
        return actorUsername;
    }

    public String actorRole() {
        return actorRole;
    }

    public UUID subjectPerson() {
        return subjectPerson;
    }

    public String objectType() {
        return objectType;
    }

    public String objectId() {
        return objectId;
    }

    public String studyId() {
        return studyId;
    }
}
