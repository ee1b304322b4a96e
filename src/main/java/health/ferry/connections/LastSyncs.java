package health.ferry.connections;

import java.util.Optional;
import java.util.UUID;

/** Where a connection's last and next sync runs come from (implemented by sync, which depends on connections, not back). */
public interface LastSyncs {
    Optional<ConnectionView.LastSync> lastSync(UUID connectionId);

    /** When a connected connection is next synced by the schedule (empty when no schedule runs). */
    Optional<java.time.Instant> nextSync(UUID connectionId);
}
