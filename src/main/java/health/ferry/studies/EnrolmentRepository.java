package health.ferry.studies;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class EnrolmentRepository implements PanacheRepositoryBase<Enrolment, UUID> {
    Optional<Enrolment> findForStudyAndPerson(String studyId, UUID personId) {
        return find("studyId = ?1 and personId = ?2", studyId, personId).firstResultOptional();
    }

    List<Enrolment> findByPerson(UUID personId) {
        return list("personId = ?1 order by enrolledAt desc", personId);
    }

    List<Enrolment> findByStudy(String studyId) {
        return list("studyId = ?1 order by enrolledAt", studyId);
    }

    boolean hasActive(UUID personId) {
        return count("personId = ?1 and status = ?2", personId, Enrolment.ACTIVE) > 0;
    }

    boolean pseudonymTaken(String studyId, String pseudonym) {
        return count("studyId = ?1 and pseudonym = ?2", studyId, pseudonym) > 0;
    }

    /** Notes that the study exported these participants' records at this time. */
    void exported(String studyId, java.util.Collection<UUID> people, java.time.Instant at) {
        if (!people.isEmpty()) {
            update("lastExportedAt = ?1 where studyId = ?2 and personId in ?3", at, studyId, people);
        }
    }

    long countActive(String studyId) {
        return count("studyId = ?1 and status = ?2", studyId, Enrolment.ACTIVE);
    }
}
