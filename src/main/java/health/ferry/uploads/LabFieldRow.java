package health.ferry.uploads;

import health.ferry.uploads.api.LabFieldDecision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One field of a proposed lab result (V22 {@code lab_proposal_field}): proposed, corrected, decided by whom. */
@Entity
@Table(name = "lab_proposal_field")
@IdClass(LabFieldRow.Key.class)
class LabFieldRow {
    static final String PENDING = LabFieldDecision.PENDING;
    static final String CONFIRMED = LabFieldDecision.CONFIRMED;
    static final String CORRECTED = LabFieldDecision.CORRECTED;
    static final String DROPPED = LabFieldDecision.DROPPED;

    @Id
    @Column(name = "proposal_id")
    UUID proposalId;
    @Id
    String field;
    String proposed;
    String printed;
    String corrected;
    @Column(nullable = false)
    String decision;
    @Column(name = "decided_by")
    UUID decidedBy;
    @Column(name = "decided_by_username")
    String decidedByUsername;
    @Column(name = "decided_at")
    Instant decidedAt;

    /** The composite key. */
    public static class Key implements Serializable {
        UUID proposalId;
        String field;

        public Key() {
        }

        Key(UUID proposalId, String field) {
            this.proposalId = proposalId;
            this.field = field;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(proposalId, k.proposalId) && Objects.equals(field, k.field);
        }

        @Override
        public int hashCode() {
            return Objects.hash(proposalId, field);
        }
    }

    protected LabFieldRow() {
    }

    LabFieldRow(UUID proposalId, String field, String proposed, String printed) {
        this.proposalId = proposalId;
        this.field = field;
        this.proposed = proposed;
        this.printed = printed;
        this.decision = PENDING;
    }

    /** What the result holds for this field once decided: the correction, the proposal, or nothing when dropped. */
    String decidedValue() {
        return switch (decision) {
            case CORRECTED -> corrected;
            case DROPPED -> null;
            default -> proposed;
        };
    }
}
