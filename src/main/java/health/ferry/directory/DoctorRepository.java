package health.ferry.directory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class DoctorRepository implements PanacheRepositoryBase<Doctor, UUID> {
    Optional<Doctor> findAt(UUID organisationId, String nameKey) {
        return find("organisationId = ?1 and nameKey = ?2", organisationId, nameKey).firstResultOptional();
    }

    /** For the search index: organisation id and name of every doctor. */
    List<Object[]> indexRows() {
        return getEntityManager().createQuery("select d.organisationId, d.name from Doctor d", Object[].class)
                .getResultList();
    }

    Object[] fingerprint() {
        return getEntityManager().createQuery("select count(d), max(d.updatedAt) from Doctor d", Object[].class)
                .getSingleResult();
    }
}
