package health.ferry.records;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored records by source key, by person and state, and by ids within one person. */
@ApplicationScoped
class RecordRepository implements PanacheRepositoryBase<StoredRecord, UUID> {
    Optional<StoredRecord> findBySourceKey(RecordSource source, String resourceType, String resourceId) {
        return find("sourceKind = ?1 and sourceId = ?2 and resourceType = ?3 and resourceId = ?4", source.kind(),
                source.id(), resourceType, resourceId).firstResultOptional();
    }

    List<StoredRecord> findByPersonAndState(UUID personId, String state) {
        return list("personId = ?1 and state = ?2 order by category, recordDate desc nulls last, display", personId,
                state);
    }

    List<StoredRecord> findByPersonAndIds(UUID personId, Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("personId = ?1 and id in ?2", personId, ids);
    }
}
