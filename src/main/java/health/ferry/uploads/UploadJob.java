package health.ferry.uploads;

import health.ferry.jobs.LeasedJob;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The durable job that processes one upload, claimed under a lease ({@link LeasedJob}: owner, expiry, and the
 * attempt number as the fencing token each later write must present).
 */
@Entity
@Table(name = "upload_job")
class UploadJob extends LeasedJob {
    @Id
    @Column(name = "upload_id")
    UUID uploadId;

    protected UploadJob() {
    }

    /** Queued, due at once; {@code now} is the database's time. */
    UploadJob(UUID uploadId, Instant now) {
        super(now, now);
        this.uploadId = uploadId;
    }
}
