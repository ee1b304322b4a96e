package health.ferry.sync;

import health.ferry.jobs.JobQueue;
import health.ferry.jobs.JobTable;
import health.ferry.jobs.Leases;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The sync job queue, shared by every instance through the database. Each step is its own short transaction; the
 * steps after a claim re-lock the job and check the claim still holds, so a worker that stalled past its lease
 * (and was taken over) can never write again.
 */
@ApplicationScoped
class SyncJobs implements PanacheRepositoryBase<SyncJob, UUID>, JobQueue {
    @Inject
    SyncConfig config;
    static final JobTable<SyncJob> TABLE = new JobTable<>(SyncJob.class, "sync_job", "id");

    @Inject
    SyncHistory history;
    @Inject
    Leases leases;

    @Override
    public JobTable<SyncJob> table() {
        return TABLE;
    }

    /**
     * A connection's job of its latest period stays: it is what says that period was synced, and without it the
     * start-up catch-up ({@link SyncCatchUp}) would queue that period again under a slow schedule.
     */
    @Override
    public String purgeOnlyIf() {
        return "and period_start < (select max(latest.period_start) from sync_job latest"
                + " where latest.connection_id = sync_job.connection_id)";
    }

    /**
     * Queues the connection's sync for the period unless a job for that (connection, period) exists already: the
     * unique key makes enqueueing by several instances at once safe. Answers whether this call added it.
     */
    @Transactional(TxType.REQUIRES_NEW)
    boolean enqueue(UUID connectionId, Instant periodStart, Instant runAfter) {
        return getEntityManager().createNativeQuery("insert into sync_job (id, connection_id, period_start, state,"
                + " run_after, attempts, updated_at) values (:id, :connection, :period, 'queued', :runAfter, 0,"
                + " current_timestamp) on conflict do nothing")
                .setParameter("id", UUID.randomUUID()).setParameter("connection", connectionId)
                .setParameter("period", periodStart).setParameter("runAfter", runAfter)
                .executeUpdate() == 1;
    }

    /**
     * Claims the next due job no live lease holds, skipping rows another worker has locked (any instance), and
     * starts its run. A run left unfinished by a crashed holder is closed as {@code interrupted}. Due and leased by
     * the database's clock, moved {@code ahead} when a test runs the schedule in the future (else zero).
     */
    @Transactional(TxType.REQUIRES_NEW)
    Optional<SyncClaim> claim(String owner, Duration ahead) {
        Instant now = leases.now().plus(ahead);
        return leases.claimNext(TABLE, owner, now, config.lease()).map(job -> {
            if (job.syncRunId != null) {
                history.interrupted(job.syncRunId, now);
            }
            job.syncRunId = history.start(job.connectionId, now);
            return new SyncClaim(job.id, job.connectionId, owner, job.attempts);
        });
    }

    /** The run the claim works on; empty when the claim no longer holds. */
    @Transactional(TxType.REQUIRES_NEW)
    Optional<UUID> run(SyncClaim claim) {
        return held(claim).map(job -> job.syncRunId);
    }

    /** Extends the lease from the database's time (moved {@code ahead}); false when another worker has taken it. */
    @Transactional(TxType.REQUIRES_NEW)
    boolean renew(SyncClaim claim, Duration ahead) {
        return held(claim).map(job -> {
            job.renew(leases.now().plus(ahead), config.lease());
            return true;
        }).orElse(false);
    }

    /** Ends the job: done, or given back for a later attempt {@code retryIn} from now when that is set. */
    @Transactional(TxType.REQUIRES_NEW)
    void finish(SyncClaim claim, String error, Duration retryIn, Duration ahead) {
        held(claim).ifPresent(job -> {
            Instant now = leases.now().plus(ahead);
            if (retryIn != null) {
                job.retryAt(now.plus(retryIn), error, now);
            } else {
                job.done(error, now);
            }
        });
    }

    /** When the connection's next queued sync is due, if one is queued. */
    @Transactional
    Optional<Instant> nextQueued(UUID connectionId) {
        return find("connectionId = ?1 and state <> ?2 order by runAfter", connectionId, SyncJob.DONE)
                .firstResultOptional().map(j -> j.runAfter);
    }

    /** Whether any connection has a job for the period (the weekly trigger, or a catch-up, enqueued it). */
    boolean anyFor(Instant periodStart) {
        return count("periodStart", periodStart.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)) > 0;
    }

    /** The connection's jobs, oldest period first (tests and diagnostics). */
    @Transactional
    List<SyncJob> ofConnection(UUID connectionId) {
        return list("connectionId = ?1 order by periodStart", connectionId);
    }

    private Optional<SyncJob> held(SyncClaim claim) {
        return leases.held(TABLE, claim.jobId(), claim.owner(), claim.token());
    }
}
