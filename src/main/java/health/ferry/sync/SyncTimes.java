package health.ferry.sync;

import health.ferry.connections.ConnectionView;
import health.ferry.connections.LastSyncs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A connection's last sync and its next scheduled one, for the connection's page and API. */
@ApplicationScoped
class SyncTimes implements LastSyncs {
    @Inject
    SyncHistory history;
    @Inject
    SyncSchedule schedule;

    @Override
    public Optional<ConnectionView.LastSync> lastSync(UUID connectionId) {
        return history.lastSync(connectionId);
    }

    @Override
    public Optional<Instant> nextSync(UUID connectionId) {
        return schedule.nextSync(connectionId);
    }
}
