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
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The public way in for importers: store FHIR R4 resources for a person from a source, idempotently. The key is
 * (source, resource type, resource id), from which the record's id is derived ({@link RecordIds}): the same
 * resource from two portals is two records. A page is stored with one look-up of the rows it already has, its new
 * rows streamed as it is mapped and its changed rows in one batch (docs/benchmarks.md, benchmark 3).
 */
@ApplicationScoped
public class RecordStore {
    private static final String LOOKUP = "select id, version_id, last_updated, case when version_id is null and"
            + " last_updated is null then resource end from health_record where id = any (?)";
    private static final String ANY_STORED = "select 1 from health_record where id = any (?) fetch first 1 rows only";
    /** Pages of at least this many records are written without a full look-up when a sample of them is all new. */
    static final int OPTIMISTIC_FROM = 256;
    private static final int SAMPLE = 64;
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

    /**
     * What an upsert did. MERGED: stored, but its fact is already held by another source's record, which now lists
     * this source too (nothing new to review).
     */
    public enum Upsert {
        NEW, UPDATED, UNCHANGED, MERGED
    }

    /** Stores a parsed resource (encoded once to JSON as HAPI read it). */
    @Transactional
    public Upsert upsert(UUID personId, RecordSource source, IBaseResource resource) {
        return upsert(personId, source, fhir.newJsonParser().encodeResourceToString(resource));
    }

    /** Stores a resource's JSON; a resource without a usable type or id is a validation failure. */
    @Transactional
    public Upsert upsert(UUID personId, RecordSource source, String resourceJson) {
        return store(personId, source, null, List.of(tree(resourceJson)), Set.of()).get(0).orElseThrow();
    }

    private static JsonNode tree(String resourceJson) {
        try {
            return FhirJson.read(resourceJson);
        } catch (JsonProcessingException e) {
            throw OutcomeException.invalid("resource", "not JSON");
        }
    }

    /**
     * Whether a resource's type and id can key a record: plain text (no control characters), the type at most 64
     * characters and the id at most 128 (FHIR's own limit is 64).
     */
    public static boolean keyable(JsonNode resource) {
        return resource != null && RecordReader.keyable(resource);
    }

    /**
     * Deletes (marks deleted) the person's pending records from one source, e.g. a disconnected portal. A deleted
     * record is no longer matched by new facts (its keys go), and where another source's copy was merged into it,
     * the earliest such copy takes its place as a pending record with the other copies' sources (docs/sync.md).
     */
    @Transactional
    public int deletePending(UUID personId, RecordSource source) {
        int n = 0;
        jakarta.persistence.EntityManager em = records.getEntityManager();
        for (StoredRecord r : records.findByPersonAndState(personId, RecordState.PENDING.code())) {
            if (r.from(source)) {
                r.decide(RecordState.DELETED);
                n++;
                promote(em, personId, r.id);
            }
        }
        return n;
    }

    /** The earliest copy merged into a record that is going: now the record, holding the other copies. */
    private static void promote(jakarta.persistence.EntityManager em, UUID personId, UUID gone) {
        em.flush();
        em.unwrap(org.hibernate.Session.class).doWork(db -> {
            update(db, "delete from record_fact_key where record_id = ?", gone); // no longer matched
            UUID promoted = null;
            String json = null;
            UUID source = null;
            try (PreparedStatement q = db.prepareStatement("select d.id, d.resource, d.source_id from record_merge m"
                    + " join health_record d on d.id = m.duplicate_id where m.record_id = ?"
                    + " order by d.fetched_at, d.id")) {
                q.setObject(1, gone);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        promoted = rs.getObject(1, UUID.class);
                        json = rs.getString(2);
                        source = rs.getObject(3, UUID.class);
                    }
                }
            }
            if (promoted == null) {
                return;
            }
            update(db, "delete from record_merge where duplicate_id = ?", promoted);
            update(db, "update record_merge set record_id = ? where record_id = ?", promoted, gone);
            update(db, "update health_record set state = ? where id = ?", RecordState.PENDING.code(), promoted);
            JsonNode resource = tree(json);
            FactKeys.Keys keys = FactKeys.of(resource, RecordReader.date(resource));
            List<UUID> hashes = keys.all();
            writeKeys(db, false, personId, source, hashes, java.util.Collections.nCopies(hashes.size(), promoted));
        });
    }

    private static void update(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
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
        return importAllIfAllowed(personId, source, null, resources);
    }

    /**
     * {@link #importAllIfAllowed(UUID, RecordSource, List)} for the records read from one document of an upload
     * ({@code document}, an upload_document id): the record's provenance names the document.
     */
    @Transactional
    public List<Optional<Upsert>> importAllIfAllowed(UUID personId, RecordSource source, UUID document,
            List<? extends IBaseResource> resources) {
        IParser parser = fhir.newJsonParser();
        List<JsonNode> trees = new ArrayList<>(resources.size());
        for (IBaseResource resource : resources) {
            trees.add(tree(parser.encodeResourceToString(resource)));
        }
        return store(personId, source, document, trees, settings.disabled(personId));
    }

    /**
     * Stores a page of resources (JSON trees, e.g. the entries of a Bundle read once with {@link FhirJson}) in one
     * transaction, the person's settings read once: what happened to each, in order (empty where its category is
     * turned off). A resource without a usable type or id ({@link #keyable}) is a validation failure.
     */
    @Transactional
    public List<Optional<Upsert>> importAllJsonIfAllowed(UUID personId, RecordSource source,
            List<JsonNode> resources) {
        return store(personId, source, null, resources, settings.disabled(personId));
    }

    /** A stored (or, earlier in this page, new) row: what it holds and, once changed, what it is updated to. */
    private static final class Row {
        final UUID id;
        String versionId;
        String lastUpdated;
        String json;
        RecordFacts write;

        Row(UUID id, String versionId, String lastUpdated, String json) {
            this.id = id;
            this.versionId = versionId;
            this.lastUpdated = lastUpdated;
            this.json = json;
        }

        static Row of(UUID id, RecordFacts facts) {
            return new Row(id, facts.versionId(), facts.lastUpdated(), facts.json());
        }

        void take(RecordFacts facts) {
            versionId = facts.versionId();
            lastUpdated = facts.lastUpdated();
            json = facts.json();
            write = facts;
        }
    }

    /**
     * One page in one pass: each resource's id is derived from its key ({@link RecordIds}), the rows the page
     * already has are read by primary key in one query, and each resource is then mapped and, when new, streamed to
     * the database at once ({@link NewRows}); changed rows are updated in one batch at the end. On PostgreSQL the
     * transaction's commit does not wait for its WAL to reach disk ({@code synchronous_commit} off for this
     * transaction only): every caller records its own completion afterwards in a normal commit, a sync run's end
     * or an upload job's step, whose flush covers this transaction's WAL too. A database crash in between loses
     * the page and the completion together, and the page is imported again (the key makes that idempotent).
     */
    private List<Optional<Upsert>> store(UUID personId, RecordSource source, UUID document,
            List<JsonNode> resources, Set<RecordCategory> off) {
        int n = resources.size();
        int[] on = new int[n]; // the positions whose category the person's settings keep, in order
        int kept = 0;
        for (int i = 0; i < n; i++) {
            JsonNode r = resources.get(i);
            if (!keyable(r)) {
                throw OutcomeException.invalid("resource", "a FHIR resource needs resourceType (at most "
                        + RecordReader.MAX_TYPE + " characters) and id (at most " + RecordReader.MAX_ID
                        + "), as plain text");
            }
            if (!off.contains(RecordReader.category(r))) {
                on[kept++] = i;
            }
        }
        Page page = new Page(source, document, resources, Arrays.copyOf(on, kept));
        Instant now = clock.instant();
        try (Connection db = dataSource.getConnection()) {
            boolean postgres = "PostgreSQL".equals(db.getMetaData().getDatabaseProductName());
            if (postgres) {
                execute(db, "set local synchronous_commit to off");
            }
            if (probablyNew(db, page)) {
                // In SQL: the pool refuses JDBC's rollback(Savepoint) on a connection enlisted in a JTA transaction
                execute(db, "savepoint unlooked");
                try {
                    List<Optional<Upsert>> done = write(db, postgres, personId, page, new HashMap<>(), now);
                    execute(db, "release savepoint unlooked");
                    return done;
                } catch (SQLException e) {
                    if (!duplicateKey(e)) {
                        throw e;
                    }
                    execute(db, "rollback to savepoint unlooked"); // a stored row the sample missed: look up all
                }
            }
            return write(db, postgres, personId, page, lookup(db, page), now);
        } catch (SQLException e) {
            throw new IllegalStateException("storing records failed", e);
        }
    }

    /**
     * A page being stored: its resources, which of them are kept, and what is worked out for each at most once
     * even when the page is written twice: the id derived from its key, and its facts. A page written without the
     * look-up derives each id as it streams the row, while the database stores the rows before it.
     */
    private static final class Page {
        final RecordSource source;
        final UUID document;
        final List<JsonNode> resources;
        final int[] kept;
        final UUID[] ids;
        final RecordFacts[] facts;
        final FactKeys.Keys[] keys;

        Page(RecordSource source, UUID document, List<JsonNode> resources, int[] kept) {
            this.source = source;
            this.document = document;
            this.resources = resources;
            this.kept = kept;
            this.ids = new UUID[resources.size()];
            this.facts = new RecordFacts[resources.size()];
            this.keys = new FactKeys.Keys[resources.size()];
        }

        /** The resource's match keys (one record per fact), worked out once. */
        FactKeys.Keys keys(int i) {
            if (keys[i] == null) {
                keys[i] = FactKeys.of(resources.get(i), RecordReader.date(resources.get(i)));
            }
            return keys[i];
        }

        UUID id(int i) {
            if (ids[i] == null) {
                JsonNode r = resources.get(i);
                ids[i] = RecordIds.of(source, r.path("resourceType").asText(), r.path("id").asText());
            }
            return ids[i];
        }

        RecordFacts facts(int i) {
            if (facts[i] == null) {
                facts[i] = RecordReader.facts(resources.get(i), FhirJson.write(resources.get(i)));
            }
            return facts[i];
        }
    }

    /** What each resource does against {@code rows} (the stored ones): new rows streamed, changed ones updated. */
    private static List<Optional<Upsert>> write(Connection db, boolean postgres, UUID personId, Page page,
            Map<UUID, Row> rows, Instant now) throws SQLException {
        int n = page.resources.size();
        List<Optional<Upsert>> done = new ArrayList<>(n);
        List<Row> changed = new ArrayList<>();
        java.util.Set<UUID> keys = new java.util.HashSet<>();
        boolean identified = newKeys(page, rows, keys);
        FactMatches matches = FactMatches.find(db, personId, page.source, keys, identified);
        Merged merged = new Merged();
        try (NewRows added = NewRows.open(db, postgres, personId, page.source, page.document, now)) {
            int next = 0; // in page.kept
            for (int i = 0; i < n; i++) {
                if (next == page.kept.length || page.kept[next] != i) {
                    done.add(Optional.empty());
                    continue;
                }
                next++;
                done.add(Optional.of(upsert(rows, changed, added, page, i, matches, merged)));
            }
            added.finish();
        }
        merged.write(db, postgres, personId, page.source.id());
        update(db, changed, now);
        return done;
    }

    /**
     * Adds the match keys of the page's resources not stored yet (only a new row can be merged) to {@code keys};
     * whether any of them carries identifiers.
     */
    private static boolean newKeys(Page page, Map<UUID, Row> rows, java.util.Set<UUID> keys) {
        boolean identified = false;
        for (int i : page.kept) {
            if (!rows.containsKey(page.id(i))) {
                FactKeys.Keys k = page.keys(i);
                keys.addAll(k.identifiers());
                keys.addAll(k.facts());
                identified |= !k.identifiers().isEmpty();
            }
        }
        return identified;
    }

    /** What a page adds besides its rows: the keys of its new canonical records, and its merged rows' links. */
    private static final class Merged {
        final List<UUID> keyHashes = new ArrayList<>();
        final List<UUID> keyRecords = new ArrayList<>();
        final List<UUID> duplicates = new ArrayList<>();
        final List<UUID> canonicals = new ArrayList<>();

        void keys(UUID record, FactKeys.Keys keys) {
            for (UUID k : keys.identifiers()) {
                keyHashes.add(k);
                keyRecords.add(record);
            }
            for (UUID k : keys.facts()) {
                keyHashes.add(k);
                keyRecords.add(record);
            }
        }

        void write(Connection db, boolean postgres, UUID personId, UUID source) throws SQLException {
            writeKeys(db, postgres, personId, source, keyHashes, keyRecords);
            if (!duplicates.isEmpty()) {
                try (PreparedStatement insert = db.prepareStatement(
                        "insert into record_merge (duplicate_id, record_id, person_id) values (?, ?, ?)")) {
                    for (int i = 0; i < duplicates.size(); i++) {
                        insert.setObject(1, duplicates.get(i));
                        insert.setObject(2, canonicals.get(i));
                        insert.setObject(3, personId);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        }
    }

    /**
     * Writes match keys of new canonical records (each record's keys distinct): on PostgreSQL one INSERT of two
     * unnested arrays (one round trip for a page's thousands of keys), elsewhere a JDBC batch.
     */
    static void writeKeys(Connection db, boolean postgres, UUID personId, UUID source, List<UUID> hashes,
            List<UUID> records) throws SQLException {
        if (hashes.isEmpty()) {
            return;
        }
        if (postgres) {
            try (PreparedStatement insert = db.prepareStatement("insert into record_fact_key (person_id, key_hash,"
                    + " source_id, record_id) select ?, k, ?, r from unnest(?::uuid[], ?::uuid[]) as t(k, r)")) {
                insert.setObject(1, personId);
                insert.setObject(2, source);
                insert.setArray(3, db.createArrayOf("uuid", hashes.toArray()));
                insert.setArray(4, db.createArrayOf("uuid", records.toArray()));
                insert.executeUpdate();
            }
            return;
        }
        try (PreparedStatement insert = db.prepareStatement("insert into record_fact_key (person_id, key_hash,"
                + " source_id, record_id) values (?, ?, ?, ?)")) {
            for (int i = 0; i < hashes.size(); i++) {
                insert.setObject(1, personId);
                insert.setObject(2, hashes.get(i));
                insert.setObject(3, source);
                insert.setObject(4, records.get(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Whether a large page is, by a sample of its ids, all new (a new connection's chart, new records since the last
     * sync, this benchmark's bundles): it is then written without the look-up of every id, inside a savepoint; a
     * stored row the sample missed fails the write on the primary key, and the page is written again after the full
     * look-up (docs/benchmarks.md, row 3). Small pages are looked up at once: their look-up costs what the sample
     * does.
     */
    private static boolean probablyNew(Connection db, Page page) throws SQLException {
        int kept = page.kept.length;
        if (kept < OPTIMISTIC_FROM) {
            return false;
        }
        Object[] sample = new Object[SAMPLE];
        for (int i = 0; i < SAMPLE; i++) {
            sample[i] = page.id(page.kept[(int) ((long) i * kept / SAMPLE)]);
        }
        try (PreparedStatement q = db.prepareStatement(ANY_STORED)) {
            q.setArray(1, db.createArrayOf("uuid", sample));
            try (ResultSet rs = q.executeQuery()) {
                return !rs.next();
            }
        }
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    /** A unique violation (SQLSTATE 23505) anywhere in the exception's chain, as PostgreSQL and H2 report it. */
    private static boolean duplicateKey(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                for (SQLException x = s; x != null; x = x.getNextException()) {
                    if ("23505".equals(x.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Upsert upsert(Map<UUID, Row> rows, List<Row> changed, NewRows added, Page page, int i,
            FactMatches matches, Merged merged) throws SQLException {
        UUID id = page.id(i);
        RecordFacts facts = page.facts(i);
        Row row = rows.get(id);
        if (row == null) {
            rows.put(id, Row.of(id, facts));
            UUID into = matches.canonicalFor(page.keys(i), page.resources.get(i));
            if (into == null) {
                added.add(id, facts, RecordState.PENDING);
                merged.keys(id, page.keys(i));
            } else {
                added.add(id, facts, RecordState.MERGED);
                merged.duplicates.add(id);
                merged.canonicals.add(into);
                return Upsert.MERGED;
            }
            return Upsert.NEW;
        }
        if (facts.sameAs(row.versionId, row.lastUpdated, row.json)) {
            return Upsert.UNCHANGED;
        }
        if (row.write == null) {
            changed.add(row);
        }
        row.take(facts);
        return Upsert.UPDATED;
    }

    /** The rows already stored among the page's kept resources, by id: one query by primary key. */
    private static Map<UUID, Row> lookup(Connection db, Page page) throws SQLException {
        Map<UUID, Row> rows = new HashMap<>();
        Object[] wanted = Arrays.stream(page.kept).mapToObj(page::id).distinct().toArray();
        if (wanted.length == 0) {
            return rows;
        }
        try (PreparedStatement q = db.prepareStatement(LOOKUP)) {
            q.setArray(1, db.createArrayOf("uuid", wanted));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    rows.put(id, new Row(id, rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return rows;
    }

    /** Changed rows (their review state kept) in one batch. */
    private static void update(Connection db, List<Row> changed, Instant now) throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        OffsetDateTime fetchedAt = now.atOffset(ZoneOffset.UTC);
        try (PreparedStatement update = db.prepareStatement(UPDATE)) {
            for (Row row : changed) {
                content(update, 1, row.write, fetchedAt);
                update.setObject(8, row.id);
                update.addBatch();
            }
            update.executeBatch();
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
