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

    List<AuditEntry> findBySubjectsAndPrefix(java.util.Collection<UUID> people, String prefix) {
        return people.isEmpty() ? List.of() : list("subjectPerson in ?1 and action like ?2 order by at", people,
                prefix + "%");
    }

    List<AuditEntry> findBySubjectAndPrefix(UUID personId, String prefix, int limit) {
        return find("subjectPerson = ?1 and action like ?2 order by at desc", personId, prefix + "%")
                .page(0, limit).list();
    }
}
