package health.ferry.records;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Stored records by source key, by person and state, and by ids within one person. */
@ApplicationScoped
class RecordRepository implements PanacheRepositoryBase<StoredRecord, UUID> {
    private static final String ORDER = "order by category, recordDate desc nulls last, display, id";

    List<StoredRecord> findByPersonAndState(UUID personId, String state) {
        return list("personId = ?1 and state = ?2 " + ORDER, personId, state);
    }

    /**
     * One page of a person's records in one state (and category, when given) as views: only the listed columns are
     * read, never the stored resource JSON (a 4,000-record chart holds megabytes of it).
     */
    List<RecordView> views(UUID personId, String state, String category, int page, int size) {
        var query = getEntityManager().createQuery("select r.id, r.category, r.resourceType, r.display, r.recordDate,"
                + " r.state, r.sourceKind, r.sourceId from StoredRecord r where r.personId = ?1 and r.state = ?2"
                + (category == null ? "" : " and r.category = ?3")
                + " order by r.category, r.recordDate desc nulls last, r.display, r.id", Object[].class)
                .setParameter(1, personId).setParameter(2, state);
        if (category != null) {
            query.setParameter(3, category);
        }
        long first = (long) page * size;
        query.setFirstResult((int) Math.min(first, Integer.MAX_VALUE)).setMaxResults(size);
        return query.getResultList().stream().map(r -> new RecordView((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], (java.time.LocalDate) r[4], (String) r[5], new RecordSource((String) r[6],
                        (UUID) r[7]))).toList();
    }

    long count(UUID personId, String state, String category) {
        return category == null ? count("personId = ?1 and state = ?2", personId, state)
                : count("personId = ?1 and state = ?2 and category = ?3", personId, state, category);
    }

    /** How many records of a person in one state each category holds. */
    Map<String, Long> countByCategory(UUID personId, String state) {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : getEntityManager().createQuery("select r.category, count(r) from StoredRecord r "
                + "where r.personId = ?1 and r.state = ?2 group by r.category", Object[].class)
                .setParameter(1, personId).setParameter(2, state).getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** The records of a person in one state and any of these categories. */
    List<StoredRecord> findByPersonStateAndCategories(UUID personId, String state, Collection<String> categories) {
        return categories.isEmpty() ? List.of()
                : list("personId = ?1 and state = ?2 and category in ?3", personId, state, categories);
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
