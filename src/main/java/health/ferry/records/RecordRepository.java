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
    /**
     * Category, newest first with undated records last, then display and id. The undated are put last by an explicit
     * expression: Hibernate leaves out {@code nulls last} where it takes it for the database's default, which the H2
     * URL's PostgreSQL-like null ordering makes wrong.
     */
    private static final String ORDER = "order by category, case when recordDate is null then 1 else 0 end, "
            + "recordDate desc, display, id";

    List<StoredRecord> findByPersonAndState(UUID personId, String state) {
        return list("personId = ?1 and state = ?2 " + ORDER, personId, state);
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

    /** A query's ids go in chunks: one IN list of tens of thousands exceeds what a statement may bind. */
    static final int IDS_PER_QUERY = 1000;

    List<StoredRecord> findByPersonAndIds(UUID personId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<UUID> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
        List<StoredRecord> found = new java.util.ArrayList<>();
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            found.addAll(list("personId = ?1 and id in ?2", personId,
                    all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY))));
        }
        return found;
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
