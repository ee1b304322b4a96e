package health.ferry.sync;

import health.ferry.connections.ConnectionView;
import health.ferry.connections.LastSyncs;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Sync runs per connection; the public read of a connection's last sync for its page and API. */
@ApplicationScoped
public class SyncHistory implements PanacheRepositoryBase<SyncRun, UUID>, LastSyncs {
    @Inject
    Clock clock;

    /** The connection's most recent sync (running ones have no finishedAt and no outcome yet). */
    @Transactional
    @Override
    public Optional<ConnectionView.LastSync> lastSync(UUID connectionId) {
        return latest(connectionId).map(r -> new ConnectionView.LastSync(r.startedAt, r.finishedAt, r.outcome,
                r.newRecords));
    }

    /** The failure code of the connection's last run, if it failed. */
    @Transactional
    public Optional<String> lastFailure(UUID connectionId) {
        return latest(connectionId).map(r -> r.failureCode);
    }

    Optional<SyncRun> latest(UUID connectionId) {
        return find("connectionId = ?1 order by startedAt desc", connectionId).firstResultOptional();
    }

    @Transactional
    UUID start(UUID connectionId) {
        SyncRun run = new SyncRun(connectionId, clock.instant());
        persist(run);
        return run.id;
    }

    @Transactional
    void succeed(UUID runId, int added, int updated) {
        findById(runId).succeed(added, updated, clock.instant());
    }

    @Transactional
    void fail(UUID runId, String code, int added, int updated) {
        findById(runId).fail(code, added, updated, clock.instant());
    }
}
