package health.ferry.directory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class OrganisationRepository implements PanacheRepositoryBase<Organisation, UUID> {
    List<Organisation> findBySourceKeys(Collection<String> keys) {
        return keys.isEmpty() ? List.of() : list("sourceKey in ?1", keys);
    }

    Optional<Organisation> findBySourceKey(String key) {
        return find("sourceKey", key).firstResultOptional();
    }
}
