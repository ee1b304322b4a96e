package health.ferry.jobs;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Duration;
import java.time.Instant;

/**
 * A job row claimed under a lease (owner and expiry); {@code attempts}, raised by every claim, is the fencing token
 * each later write must present. The columns are the same in every job table; the id and the job's own columns are
 * the subclass's. Every time written here is the database's ({@link Leases#now()}), never an instance's clock.
 */
@MappedSuperclass
public abstract class LeasedJob {
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";

    @Column(nullable = false)
    public String state;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "lease_owner")
    public String leaseOwner;
    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;
    @Column(name = "run_after", nullable = false)
    public Instant runAfter;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected LeasedJob() {
    }

    /** A queued job, due from {@code runAfter}. */
    protected LeasedJob(Instant runAfter, Instant now) {
        this.state = QUEUED;
        this.runAfter = runAfter;
        this.updatedAt = now;
    }

    /** Takes the job for {@code owner} until the lease runs out; answers the new attempt number (the token). */
    public int claim(String owner, Instant now, Duration lease) {
        state = RUNNING;
        attempts++;
        leaseOwner = owner;
        leaseExpiresAt = now.plus(lease);
        updatedAt = now;
        return attempts;
    }

    /** Whether the claim of {@code owner} with {@code token} still holds the job. */
    public boolean heldBy(String owner, int token) {
        return RUNNING.equals(state) && owner.equals(leaseOwner) && attempts == token;
    }

    public void renew(Instant now, Duration lease) {
        leaseExpiresAt = now.plus(lease);
        updatedAt = now;
    }

    /** Ends the job for good, keeping the last error as it is. */
    public void finish(Instant now) {
        state = DONE;
        leaseOwner = null;
        leaseExpiresAt = null;
        updatedAt = now;
    }

    /** Ends the job for good; {@code error} says why (a code), null when it succeeded. */
    public void done(String error, Instant now) {
        finish(now);
        lastError = error;
    }

    /** Gives the job back, to be claimed again from {@code when}; {@code error} says why (a code). */
    public void retryAt(Instant when, String error, Instant now) {
        state = QUEUED;
        leaseOwner = null;
        leaseExpiresAt = null;
        runAfter = when;
        lastError = error;
        updatedAt = now;
    }
}
