package health.ferry.sync;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sync job queue, shared by every instance through the database. Each step is its own short transaction; the
 * steps after a claim re-lock the job and check the claim still holds, so a worker that stalled past its lease
 * (and was taken over) can never write again.
 */
@ApplicationScoped
class SyncJobs implements PanacheRepositoryBase<SyncJob, UUID> {
    @Inject
    SyncHistory history;
    @ConfigProperty(name = "ferry.sync.lease", defaultValue = "PT10M")
    Duration lease;

    /**
     * Queues the connection's sync for the period unless a job for that (connection, period) exists already: the
     * unique key makes enqueueing by several instances at once safe. Answers whether this call added it.
     */
    @Transactional(TxType.REQUIRES_NEW)
    boolean enqueue(UUID connectionId, Instant periodStart, Instant runAfter, Instant now) {
        return getEntityManager().createNativeQuery("insert into sync_job (id, connection_id, period_start, state,"
                + " run_after, attempts, updated_at) values (:id, :connection, :period, 'queued', :runAfter, 0, :now)"
                + " on conflict do nothing")
                .setParameter("id", UUID.randomUUID()).setParameter("connection", connectionId)
                .setParameter("period", periodStart).setParameter("runAfter", runAfter).setParameter("now", now)
                .executeUpdate() == 1;
    }

    /**
     * Claims the next due job no live lease holds, skipping rows another worker has locked (any instance), and
     * starts its run. A run left unfinished by a crashed holder is closed as {@code interrupted}.
     */
    @Transactional(TxType.REQUIRES_NEW)
    Optional<SyncClaim> claim(String owner, Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("select id from sync_job where state <> 'done'"
                + " and run_after <= :now and (lease_expires_at is null or lease_expires_at < :now)"
                + " order by run_after fetch first 1 rows only for update skip locked", UUID.class)
                .setParameter("now", now).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        SyncJob job = findById(ids.get(0));
        if (job.syncRunId != null) {
            history.interrupted(job.syncRunId, now);
        }
        SyncClaim claim = job.claim(owner, now, lease);
        job.syncRunId = history.start(job.connectionId, now);
        return Optional.of(claim);
    }

    /** The run the claim works on; empty when the claim no longer holds. */
    @Transactional(TxType.REQUIRES_NEW)
    Optional<UUID> run(SyncClaim claim) {
        return held(claim).map(job -> job.syncRunId);
    }

    /** Extends the lease; false when another worker has taken the job over. */
    @Transactional(TxType.REQUIRES_NEW)
    boolean renew(SyncClaim claim, Instant now) {
        return held(claim).map(job -> {
            job.renew(now, lease);
            return true;
        }).orElse(false);
    }

    /** Ends the job (done, or given back for a later attempt when {@code retryAt} is set). */
    @Transactional(TxType.REQUIRES_NEW)
    void finish(SyncClaim claim, String error, Instant retryAt, Instant now) {
        held(claim).ifPresent(job -> {
            if (retryAt != null) {
                job.retryAt(retryAt, error, now);
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

    /** The connection's jobs, oldest period first (tests and diagnostics). */
    @Transactional
    List<SyncJob> ofConnection(UUID connectionId) {
        return list("connectionId = ?1 order by periodStart", connectionId);
    }

    private Optional<SyncJob> held(SyncClaim claim) {
        return findByIdOptional(claim.jobId(), LockModeType.PESSIMISTIC_WRITE).filter(job -> job.heldBy(claim));
    }
}
