package health.ferry.uploads;

import health.ferry.jobs.JobQueue;
import health.ferry.jobs.JobTable;
import health.ferry.jobs.Leases;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The upload job queue; claims and leases go through {@link Leases}, on the database's clock. */
@ApplicationScoped
class UploadJobRepository implements PanacheRepositoryBase<UploadJob, UUID>, JobQueue {
    static final JobTable<UploadJob> TABLE = new JobTable<>(UploadJob.class, "upload_job", "upload_id");

    @Inject
    Leases leases;

    @Override
    public JobTable<UploadJob> table() {
        return TABLE;
    }

    /** Queues the upload's job, due now by the database's clock (so every instance sees it due at once). */
    void enqueue(UUID uploadId) {
        persist(new UploadJob(uploadId, leases.now()));
    }

    /** Claims the next due job that no live lease holds for {@code owner}, leased for {@code lease}. */
    Optional<UploadJob> claimNext(String owner, Duration lease) {
        return leases.claimNext(TABLE, owner, lease);
    }

    /** The job, row-locked for this transaction, while {@code claim} still holds it. */
    Optional<UploadJob> lockHeld(JobClaim claim) {
        return leases.held(TABLE, claim.uploadId(), claim.owner(), claim.token());
    }

    /** The database's time, for the job's own columns. */
    Instant now() {
        return leases.now();
    }
}
