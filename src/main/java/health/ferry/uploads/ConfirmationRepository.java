package health.ferry.uploads;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class ConfirmationRepository implements PanacheRepositoryBase<PrerequisiteConfirmation, UUID> {
    /** The latest confirmation of exactly this question (a reworded question must be confirmed again). */
    Optional<PrerequisiteConfirmation> findCurrent(String studyId, UUID personId, String question) {
        return find("studyId = ?1 and personId = ?2 and question = ?3 order by confirmedAt desc", studyId, personId,
                question).firstResultOptional();
    }
}
