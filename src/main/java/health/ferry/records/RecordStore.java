package health.ferry.records;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import health.ferry.outcome.OutcomeException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The public way in for importers: store FHIR R4 resources for a person from a source, idempotently. The key is
 * (source, resource type, resource id): the same resource from two portals is two records. A page is stored with
 * one look-up of the rows it already has and JDBC batches for what is new or changed (docs/benchmarks.md,
 * benchmark 3).
 */
@ApplicationScoped
public class RecordStore {
    /** Ids per look-up query (bind parameters stay far below every driver's limit). */
    private static final int LOOKUP_CHUNK = 500;
    private static final String LOOKUP_PG = "select h.id, h.resource_type, h.resource_id, h.version_id, h.last_updated,"
            + " h.resource from (select distinct * from unnest(?::varchar[], ?::varchar[]) as w(rt, rid)) w"
            + " cross join lateral (select id, resource_type, resource_id, version_id, last_updated, case when"
            + " version_id is null and last_updated is null then resource end as resource from health_record"
            + " where source_kind = ? and source_id = ? and resource_type = w.rt and resource_id = w.rid offset 0) h";
    private static final String INSERT = "insert into health_record (id, person_id, source_kind, source_id,"
            + " resource_type, resource_id, state, category, display, record_date, version_id, last_updated,"
            + " resource, fetched_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ANY_OF_SOURCE = "select 1 from health_record where source_kind = ? and source_id = ?"
            + " fetch first 1 rows only";
    private static final String UPDATE = "update health_record set category = ?, display = ?, record_date = ?,"
            + " version_id = ?, last_updated = ?, resource = ?, fetched_at = ? where id = ?";

    @Inject
    RecordRepository records;
    @Inject
    FhirContext fhir;
    @Inject
    Clock clock;
    @Inject
    RecordSettings settings;
    @Inject
    AgroalDataSource dataSource;

    /** What an upsert did. */
    public enum Upsert {
        NEW, UPDATED, UNCHANGED
    }

    /** Stores a parsed resource (encoded once to JSON as HAPI read it). */
    @Transactional
    public Upsert upsert(UUID personId, RecordSource source, IBaseResource resource) {
        return upsert(personId, source, fhir.newJsonParser().encodeResourceToString(resource));
    }

    /** Stores a resource's JSON; a resource without type or id is a validation failure. */
    @Transactional
    public Upsert upsert(UUID personId, RecordSource source, String resourceJson) {
        return store(personId, source, List.of(tree(resourceJson)), Set.of()).get(0).orElseThrow();
    }

    private static JsonNode tree(String resourceJson) {
        try {
            return FhirJson.read(resourceJson);
        } catch (JsonProcessingException e) {
            throw OutcomeException.invalid("resource", "not JSON");
        }
    }

    /** Deletes (marks deleted) the person's pending records from one source, e.g. a disconnected portal. */
    @Transactional
    public int deletePending(UUID personId, RecordSource source) {
        int n = 0;
        for (StoredRecord r : records.findByPersonAndState(personId, RecordState.PENDING.code())) {
            if (r.from(source)) {
                r.decide(RecordState.DELETED);
                n++;
            }
        }
        return n;
    }

    /** Like {@link #upsert(UUID, RecordSource, String)} unless the person's settings turn its category off. */
    @Transactional
    public Optional<Upsert> importIfAllowed(UUID personId, RecordSource source, IBaseResource resource) {
        return importAllIfAllowed(personId, source, List.of(resource)).get(0);
    }

    /** {@link #importAllJsonIfAllowed} for parsed resources (each encoded to JSON once). */
    @Transactional
    public List<Optional<Upsert>> importAllIfAllowed(UUID personId, RecordSource source,
            List<? extends IBaseResource> resources) {
        IParser parser = fhir.newJsonParser();
        List<JsonNode> trees = new ArrayList<>(resources.size());
        for (IBaseResource resource : resources) {
            trees.add(tree(parser.encodeResourceToString(resource)));
        }
        return importAllJsonIfAllowed(personId, source, trees);
    }

    /**
     * Stores a page of resources (JSON trees, e.g. the entries of a Bundle read once with {@link FhirJson}) in one
     * transaction, the person's settings read once: what happened to each, in order (empty where its category is
     * turned off). A resource without type or id is a validation failure.
     */
    @Transactional
    public List<Optional<Upsert>> importAllJsonIfAllowed(UUID personId, RecordSource source,
            List<JsonNode> resources) {
        return store(personId, source, resources, settings.disabled(personId));
    }

    /** A stored (or, earlier in this page, new) row: what it holds and what it is to be written with. */
    private static final class Row {
        final UUID id;
        final boolean isNew;
        String versionId;
        String lastUpdated;
        String json;
        RecordFacts write;

        Row(UUID id, boolean isNew, String versionId, String lastUpdated, String json) {
            this.id = id;
            this.isNew = isNew;
            this.versionId = versionId;
            this.lastUpdated = lastUpdated;
            this.json = json;
        }

        void take(RecordFacts facts) {
            versionId = facts.versionId();
            lastUpdated = facts.lastUpdated();
            json = facts.json();
            write = facts;
        }
    }

    private List<Optional<Upsert>> store(UUID personId, RecordSource source, List<JsonNode> resources,
            Set<RecordCategory> off) {
        List<RecordFacts> allowed = new ArrayList<>(resources.size());
        for (JsonNode r : resources) {
            if (r == null || !r.path("resourceType").isTextual() || !r.path("id").isTextual()) {
                throw OutcomeException.invalid("resource", "a FHIR resource needs resourceType and id");
            }
            allowed.add(off.contains(RecordReader.category(r)) ? null : RecordReader.facts(r, FhirJson.write(r)));
        }
        List<Optional<Upsert>> done = new ArrayList<>(allowed.size());
        try (Connection db = dataSource.getConnection()) {
            Map<String, Row> rows = lookup(db, source, allowed);
            for (RecordFacts facts : allowed) {
                done.add(Optional.ofNullable(facts).map(f -> upsert(rows, f)));
            }
            write(db, personId, source, rows.values(), clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("storing records failed", e);
        }
        return done;
    }

    private static String key(String resourceType, String resourceId) {
        return resourceType + '/' + resourceId;
    }

    private static Upsert upsert(Map<String, Row> rows, RecordFacts facts) {
        Row row = rows.get(key(facts.resourceType(), facts.resourceId()));
        if (row == null) {
            row = new Row(UUID.randomUUID(), true, null, null, null);
            row.take(facts);
            rows.put(key(facts.resourceType(), facts.resourceId()), row);
            return Upsert.NEW;
        }
        if (facts.sameAs(row.versionId, row.lastUpdated, row.json)) {
            return Upsert.UNCHANGED;
        }
        row.take(facts);
        return Upsert.UPDATED;
    }

    /**
     * The rows the source already has for these resources, by type/id. On PostgreSQL one query per page: each
     * (type, id) probes the unique index by all four of its columns (a LATERAL subquery the planner cannot flatten).
     * The plain {@code resource_id in (...)} form is planned from statistics, and on a table that has grown since
     * its last ANALYZE (a first import into a new database: the benchmark's 4,215 rows) PostgreSQL 15 guessed one
     * row for (source, type) and filtered every row of that type instead: 15 ms per look-up at 20,000 rows, most of
     * the import (docs/benchmarks.md, row 3). Elsewhere (H2 in development and tests) one query per type.
     */
    private static Map<String, Row> lookup(Connection db, RecordSource source, List<RecordFacts> facts)
            throws SQLException {
        Map<String, Row> rows = new HashMap<>();
        if (facts.stream().allMatch(f -> f == null) || !stored(db, source)) {
            return rows;
        }
        if ("PostgreSQL".equals(db.getMetaData().getDatabaseProductName())) {
            List<String> types = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (RecordFacts f : facts) {
                if (f != null) {
                    types.add(f.resourceType());
                    ids.add(f.resourceId());
                }
            }
            try (PreparedStatement q = db.prepareStatement(LOOKUP_PG)) {
                q.setArray(1, db.createArrayOf("varchar", types.toArray()));
                q.setArray(2, db.createArrayOf("varchar", ids.toArray()));
                q.setString(3, source.kind());
                q.setObject(4, source.id());
                read(q, rows);
            }
            return rows;
        }
        Map<String, List<String>> idsByType = new LinkedHashMap<>();
        for (RecordFacts f : facts) {
            if (f != null) {
                idsByType.computeIfAbsent(f.resourceType(), t -> new ArrayList<>()).add(f.resourceId());
            }
        }
        for (Map.Entry<String, List<String>> type : idsByType.entrySet()) {
            List<String> ids = type.getValue().stream().distinct().toList();
            for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK));
                String sql = "select id, resource_type, resource_id, version_id, last_updated, case when version_id"
                        + " is null and last_updated is null then resource end from health_record where source_kind"
                        + " = ? and source_id = ? and resource_type = ? and resource_id in ("
                        + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
                try (PreparedStatement q = db.prepareStatement(sql)) {
                    q.setString(1, source.kind());
                    q.setObject(2, source.id());
                    q.setString(3, type.getKey());
                    for (int i = 0; i < chunk.size(); i++) {
                        q.setString(4 + i, chunk.get(i));
                    }
                    read(q, rows);
                }
            }
        }
        return rows;
    }

    /**
     * Whether the source has stored any record yet. A source's first import (a new connection's whole chart, the
     * largest page a sync writes) then skips the look-up of rows it cannot have (one probe of the unique index).
     */
    private static boolean stored(Connection db, RecordSource source) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(ANY_OF_SOURCE)) {
            q.setString(1, source.kind());
            q.setObject(2, source.id());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void read(PreparedStatement q, Map<String, Row> rows) throws SQLException {
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                rows.put(key(rs.getString(2), rs.getString(3)), new Row(rs.getObject(1, UUID.class), false,
                        rs.getString(4), rs.getString(5), rs.getString(6)));
            }
        }
    }

    /** New rows (pending) and changed rows (their review state kept) in two JDBC batches. */
    private static void write(Connection db, UUID personId, RecordSource source, Iterable<Row> rows, Instant now)
            throws SQLException {
        OffsetDateTime fetchedAt = now.atOffset(ZoneOffset.UTC);
        try (PreparedStatement insert = db.prepareStatement(INSERT);
                PreparedStatement update = db.prepareStatement(UPDATE)) {
            int inserts = 0;
            int updates = 0;
            for (Row row : rows) {
                if (row.write == null) {
                    continue;
                }
                if (row.isNew) {
                    insert.setObject(1, row.id);
                    insert.setObject(2, personId);
                    insert.setString(3, source.kind());
                    insert.setObject(4, source.id());
                    insert.setString(5, row.write.resourceType());
                    insert.setString(6, row.write.resourceId());
                    insert.setString(7, RecordState.PENDING.code());
                    content(insert, 8, row.write, fetchedAt);
                    insert.addBatch();
                    inserts++;
                } else {
                    content(update, 1, row.write, fetchedAt);
                    update.setObject(8, row.id);
                    update.addBatch();
                    updates++;
                }
            }
            if (inserts > 0) {
                insert.executeBatch();
            }
            if (updates > 0) {
                update.executeBatch();
            }
        }
    }

    /** category, display, record date, version, last updated, resource, fetched at from parameter {@code at}. */
    private static void content(PreparedStatement s, int at, RecordFacts f, OffsetDateTime fetchedAt)
            throws SQLException {
        s.setString(at, f.category().code());
        s.setString(at + 1, f.display());
        if (f.date() == null) {
            s.setNull(at + 2, Types.DATE);
        } else {
            s.setObject(at + 2, f.date());
        }
        s.setString(at + 3, f.versionId());
        s.setString(at + 4, f.lastUpdated());
        s.setString(at + 5, f.json());
        s.setObject(at + 6, fetchedAt);
    }
}
