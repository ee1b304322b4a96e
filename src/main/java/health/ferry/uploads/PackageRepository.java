package health.ferry.uploads;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class PackageRepository implements PanacheRepositoryBase<SupportingDocumentsPackage, UUID> {
    /** The package, row-locked: uploads to one package are admitted one at a time (quota, duplicates). */
    Optional<SupportingDocumentsPackage> lockFor(String studyId, UUID personId) {
        return find("studyId = ?1 and personId = ?2", studyId, personId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
