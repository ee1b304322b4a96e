package health.ferry.connections;

import health.ferry.records.RecordSource;
import health.ferry.records.SourceNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;

/** A record from a portal connection is named by its portal (the connection's own, even once disconnected). */
@ApplicationScoped
class ConnectionSourceNames implements SourceNames {
    @Inject
    ConnectionRepository connections;

    @Override
    public String kind() {
        return RecordSource.connection(null).kind();
    }

    @Override
    @Transactional
    public Map<UUID, String> names(UUID personId, Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        connections.list("personId = ?1 and id in ?2", personId, new HashSet<>(ids))
                .forEach(c -> names.put(c.id, c.portalName));
        return names;
    }
}
