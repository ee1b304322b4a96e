package health.ferry.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A portal refused Ferry's registration or published unusable SMART discovery: one open row per portal and error,
 * counted while it repeats, until an admin marks it fixed. For admins only.
 */
@Entity
@Table(name = "portal_setup_problem")
class PortalSetupProblem {
    @Id
    UUID id;
    @Column(name = "portal_id", nullable = false)
    UUID portalId;
    @Column(name = "error_code", nullable = false)
    String errorCode;
    String description;
    @Column(nullable = false)
    int occurrences;
    @Column(name = "first_seen_at", nullable = false)
    Instant firstSeenAt;
    @Column(name = "last_seen_at", nullable = false)
    Instant lastSeenAt;
    @Column(name = "resolved_at")
    Instant resolvedAt;

    protected PortalSetupProblem() {
    }

    PortalSetupProblem(UUID portalId, String errorCode, String description, Instant now) {
        this.id = UUID.randomUUID();
        this.portalId = portalId;
        this.errorCode = errorCode;
        this.description = description;
        this.occurrences = 1;
        this.firstSeenAt = now;
        this.lastSeenAt = now;
    }

    void seenAgain(String latestDescription, Instant now) {
        occurrences++;
        lastSeenAt = now;
        if (latestDescription != null) {
            description = latestDescription;
        }
    }
}
