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

    /** The JSON of one person's Observations in one state and any of these categories. */
    List<String> observations(UUID personId, String state, Collection<String> categories) {
        return getEntityManager().createQuery("select r.resource from StoredRecord r where r.personId = ?1 "
                + "and r.state = ?2 and r.resourceType = 'Observation' and r.category in ?3", String.class)
                .setParameter(1, personId).setParameter(2, state).setParameter(3, categories).getResultList();
    }

    /** The FHIR resource types among the records one person shares with a study. */
    List<String> sharedTypes(UUID personId, Shared shared) {
        if (shared.isEmpty()) {
            return List.of();
        }
        return bind(getEntityManager().createQuery("select distinct r.resourceType from StoredRecord r where "
                + sharedWhere(shared) + " order by r.resourceType", String.class), personId, shared).getResultList();
    }

    /** A page of the records one person shares with a study, of one resource type, in id order. */
    List<StoredRecord> sharedPage(UUID personId, Shared shared, String resourceType, int page, int size) {
        if (shared.isEmpty()) {
            return List.of();
        }
        return bind(getEntityManager().createQuery("select r from StoredRecord r where " + sharedWhere(shared)
                + " and r.resourceType = :type order by r.id", StoredRecord.class), personId, shared)
                .setParameter("type", resourceType).setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    /** When each record one person shares with a study, received at or after {@code since}, was received. */
    List<java.time.Instant> sharedReceivedSince(UUID personId, Shared shared, java.time.Instant since) {
        if (shared.isEmpty()) {
            return List.of();
        }
        return bind(getEntityManager().createQuery("select r.fetchedAt from StoredRecord r where "
                + sharedWhere(shared) + " and r.fetchedAt >= :since", java.time.Instant.class), personId, shared)
                .setParameter("since", since).getResultList();
    }

    /** How many records one person shares with a study, by category code. */
    Map<String, Long> sharedCountByCategory(UUID personId, Shared shared) {
        Map<String, Long> counts = new HashMap<>();
        if (shared.isEmpty()) {
            return counts;
        }
        for (Object[] row : bind(getEntityManager().createQuery("select r.category, count(r) from StoredRecord r "
                + "where " + sharedWhere(shared) + " group by r.category",
                Object[].class), personId, shared).getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    /**
     * Accepted, of a shared category (the Patient too: category demographics), from a connection or one of the study's
     * uploads (its own source, or a source merged into it: the same fact from a portal or from an upload made for
     * the study), received in one of the periods. Parameters: person, state, cats, uploads, from0/to0 …
     */
    private static String sharedWhere(Shared shared) {
        String fromStudy = shared.uploads().isEmpty() ? "%1$s.sourceKind <> 'upload'"
                : "(%1$s.sourceKind <> 'upload' or %1$s.sourceId in :uploads)";
        StringBuilder where = new StringBuilder("r.personId = :person and r.state = :state and r.category in :cats"
                + " and (" + fromStudy.formatted("r") + " or exists (select 1 from"
                + " RecordMerge m, StoredRecord d where m.recordId = r.id and d.id = m.duplicateId and "
                + fromStudy.formatted("d") + ")) and (");
        List<Shared.Period> periods = shared.periods();
        for (int i = 0; i < periods.size(); i++) {
            where.append(i == 0 ? "" : " or ").append("(r.fetchedAt >= :from").append(i)
                    .append(periods.get(i).to() == null ? ")" : " and r.fetchedAt < :to" + i + ")");
        }
        return where.append(")").toString();
    }

    private static <T> jakarta.persistence.TypedQuery<T> bind(jakarta.persistence.TypedQuery<T> q, UUID personId,
            Shared shared) {
        q.setParameter("person", personId).setParameter("state", RecordState.ACCEPTED.code())
                .setParameter("cats", shared.categories().stream().map(RecordCategory::code).toList());
        if (!shared.uploads().isEmpty()) {
            q.setParameter("uploads", shared.uploads());
        }
        List<Shared.Period> periods = shared.periods();
        for (int i = 0; i < periods.size(); i++) {
            q.setParameter("from" + i, periods.get(i).from());
            if (periods.get(i).to() != null) {
                q.setParameter("to" + i, periods.get(i).to());
            }
        }
        return q;
    }
}
