package health.ferry.studies;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class ConsentEventRepository implements PanacheRepositoryBase<ConsentEvent, UUID> {
    List<ConsentEvent> findByEnrolment(UUID enrolmentId) {
        return list("enrolmentId = ?1 order by at", enrolmentId);
    }
}
