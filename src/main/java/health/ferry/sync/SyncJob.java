package health.ferry.sync;

import health.ferry.jobs.LeasedJob;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The scheduled sync of one connection in one period, claimed under a lease ({@link LeasedJob}: owner, expiry, and
 * the attempt number as the fencing token later writes present). Rows are inserted by {@link SyncJobs#enqueue}.
 */
@Entity
@Table(name = "sync_job")
class SyncJob extends LeasedJob {
    @Id
    UUID id;
    @Column(name = "connection_id", nullable = false)
    UUID connectionId;
    @Column(name = "period_start", nullable = false)
    Instant periodStart;
    @Column(name = "sync_run_id")
    UUID syncRunId;

    protected SyncJob() {
    }
}
