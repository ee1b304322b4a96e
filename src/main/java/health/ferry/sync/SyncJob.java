package health.ferry.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The scheduled sync of one connection in one period. Claimed under a lease (owner, expiry); {@code attempts},
 * raised by each claim, is the fencing token later writes present. Rows are inserted by {@link SyncJobs#enqueue}.
 */
@Entity
@Table(name = "sync_job")
class SyncJob {
    static final String QUEUED = "queued";
    static final String RUNNING = "running";
    static final String DONE = "done";

    @Id
    UUID id;
    @Column(name = "connection_id", nullable = false)
    UUID connectionId;
    @Column(name = "period_start", nullable = false)
    Instant periodStart;
    @Column(nullable = false)
    String state;
    @Column(name = "run_after", nullable = false)
    Instant runAfter;
    @Column(nullable = false)
    int attempts;
    @Column(name = "lease_owner")
    String leaseOwner;
    @Column(name = "lease_expires_at")
    Instant leaseExpiresAt;
    @Column(name = "sync_run_id")
    UUID syncRunId;
    @Column(name = "last_error")
    String lastError;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected SyncJob() {
    }

    SyncClaim claim(String owner, Instant now, Duration lease) {
        state = RUNNING;
        attempts++;
        leaseOwner = owner;
        leaseExpiresAt = now.plus(lease);
        updatedAt = now;
        return new SyncClaim(id, connectionId, owner, attempts);
    }

    boolean heldBy(SyncClaim claim) {
        return RUNNING.equals(state) && claim.owner().equals(leaseOwner) && attempts == claim.token();
    }

    void renew(Instant now, Duration lease) {
        leaseExpiresAt = now.plus(lease);
        updatedAt = now;
    }

    void done(String error, Instant now) {
        state = DONE;
        leaseOwner = null;
        leaseExpiresAt = null;
        lastError = error;
        updatedAt = now;
    }

    void retryAt(Instant when, String error, Instant now) {
        state = QUEUED;
        leaseOwner = null;
        leaseExpiresAt = null;
        runAfter = when;
        lastError = error;
        updatedAt = now;
    }
}
