package health.ferry.connections.smart;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The client registrations table: by portal, by brand, by signing key. */
@ApplicationScoped
class RegistrationRows implements PanacheRepositoryBase<ClientRegistration, UUID> {
    Optional<ClientRegistration> findByPortal(UUID portalId) {
        return find("portalId", portalId).firstResultOptional();
    }

    /** The registrations of these portals, the most recently changed first. */
    List<ClientRegistration> findByPortals(Collection<UUID> portalIds) {
        return portalIds.isEmpty() ? List.of() : list("portalId in ?1 order by updatedAt desc, id", portalIds);
    }

    Optional<ClientRegistration> findByBrand(String brand) {
        return find("brand", brand).firstResultOptional();
    }

    /** Every registration: portals' first, then brands', each by when it changed, newest first. */
    List<ClientRegistration> listAllInOrder() {
        return list("order by case when portalId is null then 1 else 0 end, updatedAt desc, id");
    }

    /** How many registrations sign with this key. */
    long countSigningWith(String kid) {
        return count("keyId", kid);
    }
}
