package health.ferry.records;

import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.hibernate.Session;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Where records came from (their provenance): for each record, its own source and the sources of the copies merged
 * into it ({@link RecordState#MERGED}), oldest first, each with what names it for a person: a portal connection by
 * the portal's name, an upload by its file name, the day it was received and the document inside it the record was
 * read from. Read for a page of records at a time (a few queries, whatever the page's size).
 */
@ApplicationScoped
public class RecordSources {
    private static final String OWN = "select r.id, r.source_kind, r.source_id, r.source_document, r.fetched_at,"
            + " r.id from health_record r where r.id = any (?)";
    private static final String MERGED = "select m.record_id, d.source_kind, d.source_id, d.source_document,"
            + " d.fetched_at, d.id from record_merge m join health_record d on d.id = m.duplicate_id"
            + " where m.record_id = any (?)";

    @Inject
    EntityManager em;

    /**
     * One source of a record. {@code portal} names a connection's portal; {@code file} (the upload's first file
     * name), {@code entry} (the document's path inside it) and {@code document} an upload's; {@code copy} is the
     * stored row (the record itself or a copy merged into it); {@code received} when it arrived.
     */
    public record Source(String kind, UUID id, String portal, String file, String entry, UUID document, UUID copy,
            Instant received) {
        public boolean isConnection() {
            return "connection".equals(kind);
        }

        /** The source in plain words, for the participant's pages. */
        public String label() {
            RecordMessages m = MessageBundles.get(RecordMessages.class);
            String day = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK)
                    .format(received.atOffset(ZoneOffset.UTC).toLocalDate());
            if (isConnection()) {
                return m.source_portal(portal == null ? m.source_unknown_portal() : portal);
            }
            if (file == null) {
                return m.source_unknown_file(day);
            }
            return entry == null || entry.equals(file) ? m.source_upload(file, day)
                    : m.source_upload_entry(file, entry, day);
        }
    }

    /** The sources of each record (records without any are left out), in the order the records are given. */
    public Map<UUID, List<Source>> of(Collection<UUID> recordIds) {
        Map<UUID, List<Source>> sources = new LinkedHashMap<>();
        if (recordIds.isEmpty()) {
            return sources;
        }
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(recordIds));
        List<Object[]> rows = new ArrayList<>(rows(OWN, ids));
        rows.addAll(rows(MERGED, ids));
        Set<UUID> connections = new LinkedHashSet<>();
        Set<UUID> uploads = new LinkedHashSet<>();
        Set<UUID> documents = new LinkedHashSet<>();
        for (Object[] row : rows) {
            ("connection".equals(row[1]) ? connections : uploads).add((UUID) row[2]);
            if (row[3] != null) {
                documents.add((UUID) row[3]);
            }
        }
        Map<UUID, String> portals = names("select id, portal_name from connection where id = any (?)", connections);
        Map<UUID, String> files = names("select o.upload_id, o.name from upload_original o where o.upload_id = any"
                + " (?) and o.position = (select min(p.position) from upload_original p where p.upload_id ="
                + " o.upload_id)", uploads);
        Map<UUID, String> entries = names("select id, name from upload_document where id = any (?)", documents);
        Map<UUID, List<Source>> unordered = new HashMap<>();
        for (Object[] row : rows) {
            String kind = (String) row[1];
            UUID source = (UUID) row[2];
            UUID document = (UUID) row[3];
            boolean connection = "connection".equals(kind);
            unordered.computeIfAbsent((UUID) row[0], r -> new ArrayList<>()).add(new Source(kind, source,
                    connection ? portals.get(source) : null, connection ? null : files.get(source),
                    document == null ? null : entries.get(document), document, (UUID) row[5], (Instant) row[4]));
        }
        for (UUID id : ids) {
            List<Source> list = unordered.get(id);
            if (list != null) {
                list.sort(java.util.Comparator.comparing(Source::received).thenComparing(Source::copy));
                sources.put(id, List.copyOf(list));
            }
        }
        return sources;
    }

    /** The sources of each record as plain words, for the pages. */
    public Map<UUID, List<String>> labels(Collection<UUID> recordIds) {
        Map<UUID, List<String>> labels = new HashMap<>();
        of(recordIds).forEach((id, list) -> labels.put(id, list.stream().map(Source::label).toList()));
        return labels;
    }

    /** Rows of (record, kind, source, document, received, copy), by one query on the transaction's connection. */
    private List<Object[]> rows(String sql, List<UUID> ids) {
        return em.unwrap(Session.class).doReturningWork(db -> {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement q = db.prepareStatement(sql)) {
                q.setArray(1, db.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] {rs.getObject(1, UUID.class), rs.getString(2),
                                rs.getObject(3, UUID.class), rs.getObject(4, UUID.class),
                                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getObject(6, UUID.class)});
                    }
                }
            }
            return rows;
        });
    }

    private Map<UUID, String> names(String sql, Set<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        return em.unwrap(Session.class).doReturningWork(db -> {
            try (PreparedStatement q = db.prepareStatement(sql)) {
                q.setArray(1, db.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        names.put(rs.getObject(1, UUID.class), rs.getString(2));
                    }
                }
            }
            return names;
        });
    }
}
