package health.ferry.sync;

import health.ferry.connections.ConnectionView;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Sync runs per connection; the public read of a connection's last sync. */
@ApplicationScoped
public class SyncHistory implements PanacheRepositoryBase<SyncRun, UUID> {
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.event.Event<SyncFinished> finished;

    /** The connection's most recent sync (running ones have no finishedAt and no outcome yet). */
    @Transactional
    public Optional<ConnectionView.LastSync> lastSync(UUID connectionId) {
        return latest(connectionId).map(r -> new ConnectionView.LastSync(r.startedAt, r.finishedAt, r.outcome,
                r.newRecords, r.failureCode));
    }

    /** The failure code of the connection's last run, if it failed. */
    @Transactional
    public Optional<String> lastFailure(UUID connectionId) {
        return latest(connectionId).map(r -> r.failureCode);
    }

    Optional<SyncRun> latest(UUID connectionId) {
        return find("connectionId = ?1 order by startedAt desc", connectionId).firstResultOptional();
    }

    /** When the connection's last successful run started (the base of the next incremental fetch). */
    @Transactional
    public Optional<Instant> lastSuccessStart(UUID connectionId) {
        return find("connectionId = ?1 and finishedAt is not null and outcome <> ?2 order by startedAt desc",
                connectionId, SyncRun.FAILED).firstResultOptional().map(r -> r.startedAt);
    }

    /** The run, for reading its counts and bounds. */
    @Transactional
    Optional<SyncRun> run(UUID runId) {
        return findByIdOptional(runId);
    }

    @Transactional
    UUID start(UUID connectionId) {
        return start(connectionId, clock.instant());
    }

    @Transactional
    UUID start(UUID connectionId, Instant now) {
        SyncRun run = new SyncRun(connectionId, now);
        persist(run);
        return run.id;
    }

    /** The run asks only for changes since this instant. */
    @Transactional
    void incremental(UUID runId, Instant since) {
        findById(runId).changesSince = since;
    }

    /** What a running run has brought so far (after each page), for the participant watching it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void progress(UUID runId, int added, int updated) {
        update("newRecords = ?1, updatedRecords = ?2 where id = ?3 and finishedAt is null", added, updated, runId);
    }

    /** A run whose worker stopped (crash, lease expired) before it finished. */
    @Transactional
    void interrupted(UUID runId, Instant now) {
        findByIdOptional(runId).filter(r -> r.finishedAt == null).ifPresent(r -> r.fail("interrupted",
                r.newRecords, r.updatedRecords, now));
    }

    /**
     * Ends the run (a null {@code code} is success) and announces it in the same transaction, so whoever sees the
     * run finished also sees its notice and audit entry.
     */
    @Transactional
    void finish(UUID runId, String code, int added, int updated, SyncFinished announcement) {
        SyncRun run = findById(runId);
        if (code == null) {
            run.succeed(added, updated, clock.instant());
        } else {
            run.fail(code, added, updated, clock.instant());
        }
        if (announcement != null) {
            finished.fire(announcement);
        }
    }
}
