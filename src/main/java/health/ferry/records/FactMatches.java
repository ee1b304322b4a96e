package health.ferry.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The canonical records of one person that a page's match keys ({@link FactKeys}) point at, read in one query
 * before the page's new rows are written, and the decision for each new resource: its own record, or merged into
 * one of these (docs/sync.md, "One record per fact"). The safety rules: never a record from the page's own source
 * (the source says its resources are distinct), never a record that already holds a resource from this source,
 * never a record whose identifiers contradict the resource's, and never when the keys point at more than one
 * record (the fact is ambiguous). Identifier keys are tried before fact keys.
 */
final class FactMatches {
    /** From the primary key's index alone: a source's own keys (a re-import of its chart) cost no row read. */
    private static final String FIND = "select key_hash, record_id from record_fact_key where person_id = ? and"
            + " key_hash = any (?) and source_id <> ?";
    private static final String RESOURCES = "select id, resource from health_record where id = any (?)";
    private static final String HOLDING = "select m.record_id from record_merge m join health_record d on d.id ="
            + " m.duplicate_id where m.record_id = any (?) and d.source_kind = ? and d.source_id = ?";
    static final FactMatches NONE = new FactMatches(Map.of(), Map.of(), new HashSet<>());

    /** The candidates' JSON, read only when a new resource of the page carries identifiers to compare. */
    private final Map<UUID, String> resources;
    private final Map<UUID, List<UUID>> recordsByKey;
    private final Map<UUID, JsonNode> parsed = new HashMap<>();
    /** Records that already hold a resource from this source (stored before, or merged earlier in this page). */
    private final Set<UUID> holding;

    private FactMatches(Map<UUID, String> resources, Map<UUID, List<UUID>> recordsByKey, Set<UUID> holding) {
        this.resources = resources;
        this.recordsByKey = recordsByKey;
        this.holding = holding;
    }

    /**
     * The records the keys point at, from sources other than {@code source}; {@code identified}: whether any of the
     * page's new resources carries identifiers (then the candidates' JSON is read too, to compare them). Everything
     * is read here, before the page's rows stream: no query can run on the connection while a COPY is open.
     */
    static FactMatches find(Connection db, UUID personId, RecordSource source, Collection<UUID> keys,
            boolean identified) throws SQLException {
        if (keys.isEmpty()) {
            return NONE;
        }
        Map<UUID, List<UUID>> byKey = new HashMap<>();
        Set<UUID> records = new HashSet<>();
        try (PreparedStatement q = db.prepareStatement(FIND)) {
            q.setObject(1, personId);
            q.setArray(2, db.createArrayOf("uuid", keys.toArray()));
            q.setObject(3, source.id());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    UUID record = rs.getObject(2, UUID.class);
                    byKey.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>(1)).add(record);
                    records.add(record);
                }
            }
        }
        if (byKey.isEmpty()) {
            return NONE;
        }
        Set<UUID> holding = new HashSet<>();
        try (PreparedStatement q = db.prepareStatement(HOLDING)) {
            q.setArray(1, db.createArrayOf("uuid", records.toArray()));
            q.setString(2, source.kind());
            q.setObject(3, source.id());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    holding.add(rs.getObject(1, UUID.class));
                }
            }
        }
        Map<UUID, String> resources = new HashMap<>();
        if (identified) {
            try (PreparedStatement q = db.prepareStatement(RESOURCES)) {
                q.setArray(1, db.createArrayOf("uuid", records.toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        resources.put(rs.getObject(1, UUID.class), rs.getString(2));
                    }
                }
            }
        }
        return new FactMatches(resources, byKey, holding);
    }

    /** The record this new resource's fact is already held by (now holding it), or null: it is a record of its own. */
    UUID canonicalFor(FactKeys.Keys keys, JsonNode resource) {
        if (recordsByKey.isEmpty() || keys.isEmpty()) {
            return null;
        }
        UUID into = only(keys.identifiers(), resource);
        if (into == null) {
            into = only(keys.facts(), resource);
        }
        if (into != null) {
            holding.add(into);
        }
        return into;
    }

    /** The one record these keys point at that may take the resource, or null for none or more than one. */
    private UUID only(List<UUID> keys, JsonNode resource) {
        Set<UUID> found = new LinkedHashSet<>();
        for (UUID key : keys) {
            found.addAll(recordsByKey.getOrDefault(key, List.of()));
        }
        if (found.size() != 1) {
            return null;
        }
        UUID record = found.iterator().next();
        if (holding.contains(record) || FactKeys.hasIdentifiers(resource) && FactKeys.conflict(resource,
                parsed(record))) {
            return null;
        }
        return record;
    }

    private JsonNode parsed(UUID record) {
        return parsed.computeIfAbsent(record, r -> {
            try {
                return FhirJson.read(resources.getOrDefault(r, "{}"));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored record " + r + " is not JSON", e);
            }
        });
    }
}
