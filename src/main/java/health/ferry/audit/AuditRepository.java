package health.ferry.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class AuditRepository implements PanacheRepositoryBase<AuditEntry, UUID> {
    List<AuditEntry> findBySubject(UUID personId, int limit) {
        return find("subjectPerson = ?1 order by at desc", personId).page(0, limit).list();
    }

    List<AuditEntry> findByAction(String action, int limit) {
        return find("action = ?1 order by at desc", action).page(0, limit).list();
    }
}
