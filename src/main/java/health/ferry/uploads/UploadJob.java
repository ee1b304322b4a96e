package health.ferry.uploads;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The durable job that processes one upload. It is claimed under a lease (owner and expiry); {@code attempts},
 * raised by every claim, is the fencing token each later write must present.
 */
@Entity
@Table(name = "upload_job")
class UploadJob {
    static final String QUEUED = "queued";
    static final String RUNNING = "running";
    static final String DONE = "done";

    @Id
    @Column(name = "upload_id")
    UUID uploadId;
    @Column(nullable = false)
    String state;
    @Column(nullable = false)
    int attempts;
    @Column(name = "lease_owner")
    String leaseOwner;
    @Column(name = "lease_expires_at")
    Instant leaseExpiresAt;
    @Column(name = "run_after", nullable = false)
    Instant runAfter;
    @Column(name = "last_error")
    String lastError;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected UploadJob() {
    }

    UploadJob(UUID uploadId, Instant now) {
        this.uploadId = uploadId;
        this.state = QUEUED;
        this.runAfter = now;
        this.updatedAt = now;
    }

    /** Takes the job for {@code owner} until the lease runs out; the new attempt number fences later writes. */
    JobClaim claim(String owner, Instant now, Duration lease) {
        state = RUNNING;
        attempts++;
        leaseOwner = owner;
        leaseExpiresAt = now.plus(lease);
        updatedAt = now;
        return new JobClaim(uploadId, owner, attempts);
    }

    boolean heldBy(JobClaim claim) {
        return RUNNING.equals(state) && claim.owner().equals(leaseOwner) && attempts == claim.token();
    }

    void renew(Instant now, Duration lease) {
        leaseExpiresAt = now.plus(lease);
        updatedAt = now;
    }

    void finish(Instant now) {
        state = DONE;
        leaseOwner = null;
        leaseExpiresAt = null;
        updatedAt = now;
    }

    /** Ends the job for good; {@code error} says why (a code). */
    void giveUp(String error, Instant now) {
        finish(now);
        lastError = error;
    }

    /** Gives the job back, to be claimed again from {@code when}; {@code error} says why (a code). */
    void retryAt(Instant when, String error, Instant now) {
        state = QUEUED;
        leaseOwner = null;
        leaseExpiresAt = null;
        runAfter = when;
        lastError = error;
        updatedAt = now;
    }
}
