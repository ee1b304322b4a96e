package health.ferry.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class ConnectionEventRepository implements PanacheRepositoryBase<ConnectionEvent, Long> {
    /** These people's searches and connection changes, in the order they happened. */
    List<ConnectionEvent> findByPeople(Collection<UUID> people) {
        return people.isEmpty() ? List.of() : list("personId in ?1 order by id", people);
    }
}
