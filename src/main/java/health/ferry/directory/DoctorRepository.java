package health.ferry.directory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class DoctorRepository implements PanacheRepositoryBase<Doctor, UUID> {
    Optional<Doctor> findAt(UUID organisationId, String nameKey) {
        return find("organisationId = ?1 and nameKey = ?2", organisationId, nameKey).firstResultOptional();
    }
}
