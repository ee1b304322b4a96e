package health.ferry.records;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Stored records by source key, by person and state, and by ids within one person. */
@ApplicationScoped
class RecordRepository implements PanacheRepositoryBase<StoredRecord, UUID> {
    List<StoredRecord> findByPersonAndState(UUID personId, String state) {
        return list("personId = ?1 and state = ?2 order by category, recordDate desc nulls last, display", personId,
                state);
    }

    List<StoredRecord> findByPersonAndIds(UUID personId, Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("personId = ?1 and id in ?2", personId, ids);
    }

    List<String> acceptedTypes(Collection<UUID> people) {
        return people.isEmpty() ? List.of() : getEntityManager().createQuery("select distinct r.resourceType from "
                + "StoredRecord r where r.personId in ?1 and r.state = ?2 order by r.resourceType", String.class)
                .setParameter(1, people).setParameter(2, RecordState.ACCEPTED.code()).getResultList();
    }

    List<StoredRecord> acceptedPage(UUID personId, String resourceType, int page, int size) {
        return find("personId = ?1 and resourceType = ?2 and state = ?3 order by id", personId, resourceType,
                RecordState.ACCEPTED.code()).page(page, size).list();
    }

    long countFetchedSince(Collection<UUID> people, java.time.Instant since) {
        return people.isEmpty() ? 0 : count("personId in ?1 and fetchedAt >= ?2", people, since);
    }
}
