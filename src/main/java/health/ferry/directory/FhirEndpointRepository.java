package health.ferry.directory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class FhirEndpointRepository implements PanacheRepositoryBase<FhirEndpoint, UUID> {
    List<FhirEndpoint> findByAddressKeys(Collection<String> keys) {
        return keys.isEmpty() ? List.of() : list("addressKey in ?1", keys);
    }

    List<FhirEndpoint> findByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1 order by address", ids);
    }
}
