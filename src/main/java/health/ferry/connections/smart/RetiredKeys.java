package health.ferry.connections.smart;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.stream.Collectors;

/** The signing keys admins retired, shared by every instance through the database. */
@ApplicationScoped
class RetiredKeys implements PanacheRepositoryBase<RetiredKey, String> {
    /** When each retired kid was retired. */
    Map<String, java.time.Instant> all() {
        return listAll().stream().collect(Collectors.toMap(k -> k.kid, k -> k.retiredAt));
    }
}
