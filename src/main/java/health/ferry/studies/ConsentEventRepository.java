package health.ferry.studies;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
class ConsentEventRepository implements PanacheRepositoryBase<ConsentEvent, UUID> {
    List<ConsentEvent> findByEnrolment(UUID enrolmentId) {
        return list("enrolmentId = ?1 order by at, id", enrolmentId);
    }

    /** The consent events of a study's enrolments, by enrolment, each oldest first: one query. */
    Map<UUID, List<ConsentEvent>> findByStudy(String studyId) {
        return list("enrolmentId in (select e.id from Enrolment e where e.studyId = ?1) order by at, id", studyId)
                .stream().collect(Collectors.groupingBy(c -> c.enrolmentId, Collectors.toList()));
    }
}
