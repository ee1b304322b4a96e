package health.ferry.connections;

import java.util.Optional;
import java.util.UUID;

/** Where a connection's last sync run comes from (implemented by sync, which depends on connections, not back). */
public interface LastSyncs {
    Optional<ConnectionView.LastSync> lastSync(UUID connectionId);
}
