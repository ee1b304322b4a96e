package health.ferry.records;

import static health.ferry.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import health.ferry.outcome.OutcomeException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A page stored in one pass (on PostgreSQL through binary COPY, on H2 through a batch): what each resource did, and
 * every stored value read back exactly.
 */
@QuarkusTest
class RecordStoreTest {
    @Inject
    RecordStore store;
    @Inject
    AgroalDataSource db;

    private static UUID ward(String name) {
        return UUID.fromString(as("erin").contentType(ContentType.JSON).body(Map.of("displayName", name, "birthDate",
                "2010-02-03", "relationship", "child", "authorityAttested", true)).post("/api/v1/people").then()
                .statusCode(201).extract().path("id"));
    }

    private static JsonNode json(String text) {
        try {
            return FhirJson.read(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode condition(String id, String version, String text, String onset) {
        return json("{\"resourceType\":\"Condition\",\"id\":\"" + id + "\"," + (version == null ? ""
                : "\"meta\":{\"versionId\":\"" + version + "\",\"lastUpdated\":\"2024-01-0" + version
                        + "T10:00:00Z\"},") + "\"code\":{\"text\":\"" + text + "\"}" + (onset == null ? ""
                                : ",\"onsetDateTime\":\"" + onset + "\"") + "}");
    }

    private record Stored(UUID id, String state, String display, LocalDate date, String versionId,
            String lastUpdated, String resource, Instant fetchedAt) {
    }

    private Map<String, Stored> stored(RecordSource source) throws Exception {
        Map<String, Stored> rows = new LinkedHashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement("select resource_id, id,"
                + " state, display, record_date, version_id, last_updated, resource, fetched_at from health_record"
                + " where source_kind = ? and source_id = ? order by resource_id")) {
            q.setString(1, source.kind());
            q.setObject(2, source.id());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), new Stored(rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return rows;
    }

    private List<RecordStore.Upsert> page(UUID person, RecordSource source, JsonNode... resources) {
        List<RecordStore.Upsert> done = new ArrayList<>();
        for (Optional<RecordStore.Upsert> d : store.importAllJsonIfAllowed(person, source, List.of(resources))) {
            done.add(d.orElseThrow());
        }
        return done;
    }

    @Test
    void aPageOfNewChangedAndRepeatedResourcesIsStoredExactly() throws Exception {
        UUID person = ward("Page Store");
        RecordSource source = RecordSource.connection(UUID.randomUUID());
        String tricky = "line\\nbreak, \\\"quoted\\\", back\\\\slash, tab\\t, ü, 日本, 𝄞";
        JsonNode c2 = condition("c2", null, tricky, "2000-01-01");
        Instant before = Instant.now().minusSeconds(1);

        assertEquals(List.of(RecordStore.Upsert.NEW, RecordStore.Upsert.NEW, RecordStore.Upsert.UPDATED,
                RecordStore.Upsert.NEW, RecordStore.Upsert.NEW, RecordStore.Upsert.NEW, RecordStore.Upsert.NEW),
                page(person, source, condition("c1", "1", "Asthma", "1499-03-04"), c2,
                        condition("c1", "2", "Asthma, mild", "1499-03-04"),
                        json("{\"resourceType\":\"Observation\",\"id\":\"o1\",\"valueQuantity\":{\"value\":1.50}}"),
                        condition("c3", "1", "a\\u0000b\\u0007c", "1999-12-31"),
                        condition("c4", "1", "Leap", "2024-02-29T08:30:00+02:00"),
                        condition("c5", "1", "Far", "9999-12-31")));

        Map<String, Stored> rows = stored(source);
        assertEquals(List.of("c1", "c2", "c3", "c4", "c5", "o1"), List.copyOf(rows.keySet()));
        Stored c1 = rows.get("c1");
        assertEquals(RecordIds.of(source, "Condition", "c1"), c1.id());
        assertEquals("pending", c1.state());
        assertEquals("Asthma, mild", c1.display(), "a repeated resource ends as its last version");
        assertEquals("2", c1.versionId());
        assertEquals("2024-01-02T10:00:00Z", c1.lastUpdated());
        assertEquals(LocalDate.of(1499, 3, 4), c1.date());
        assertEquals(FhirJson.write(c2), rows.get("c2").resource(), "the JSON as received, compact");
        assertEquals("line break, \"quoted\", back\\slash, tab , ü, 日本, 𝄞", rows.get("c2").display(),
                "JSON escapes decoded, line break and tab read as spaces");
        assertNull(rows.get("c2").versionId());
        assertEquals(LocalDate.of(2000, 1, 1), rows.get("c2").date());
        assertEquals(LocalDate.of(1999, 12, 31), rows.get("c3").date());
        assertEquals("a b c", rows.get("c3").display(), "control characters in display text read as spaces");
        assertEquals(LocalDate.of(2024, 2, 29), rows.get("c4").date());
        assertEquals(LocalDate.of(9999, 12, 31), rows.get("c5").date());
        assertNull(rows.get("o1").date());
        assertTrue(rows.get("o1").resource().contains("1.50"), "decimals exactly as received");
        for (Stored s : rows.values()) {
            assertTrue(!s.fetchedAt().isBefore(before) && s.fetchedAt().isBefore(Instant.now().plusSeconds(1)),
                    "fetched now: " + s.fetchedAt());
        }

        try (Connection c = db.getConnection(); PreparedStatement accept = c.prepareStatement(
                "update health_record set state = 'accepted' where id = ?")) {
            accept.setObject(1, c1.id());
            accept.executeUpdate();
        }
        JsonNode c2Changed = condition("c2", null, "Changed without a version", "2000-01-01");
        assertEquals(List.of(RecordStore.Upsert.UNCHANGED, RecordStore.Upsert.UNCHANGED,
                RecordStore.Upsert.UPDATED, RecordStore.Upsert.UPDATED, RecordStore.Upsert.NEW),
                page(person, source, condition("c4", "1", "Leap", "2024-02-29T08:30:00+02:00"), c2,
                        c2Changed, condition("c1", "3", "Asthma, resolved", "1499-03-04"),
                        condition("c6", "1", "New", null)));
        rows = stored(source);
        assertEquals(7, rows.size());
        assertEquals("accepted", rows.get("c1").state(), "an update keeps the review decision");
        assertEquals("Asthma, resolved", rows.get("c1").display());
        assertEquals(FhirJson.write(c2Changed), rows.get("c2").resource());
        assertEquals("Changed without a version", rows.get("c2").display());
    }

    @Test
    void aResourceThatCannotBeKeyedFailsItsPageAndNothingOfItIsStored() throws Exception {
        UUID person = ward("Page Rejected");
        RecordSource source = RecordSource.connection(UUID.randomUUID());
        for (JsonNode bad : List.of(condition("x".repeat(129), "1", "Too long", null),
                condition("nul\\u0000id", "1", "NUL", null), json("{\"resourceType\":\"Condition\",\"id\":7}"),
                json("{\"resourceType\":\"" + "T".repeat(65) + "\",\"id\":\"t1\"}"))) {
            assertFalse(RecordStore.keyable(bad), bad.toString());
            assertThrows(OutcomeException.class, () -> page(person, source, condition("ok1", "1", "Fine", null), bad),
                    "a validation failure, not a database error");
        }
        assertTrue(stored(source).isEmpty(), "the page's good resources are not stored either");
        assertTrue(RecordStore.keyable(condition("x".repeat(128), "1", "Longest id", null)));
        assertEquals(List.of(RecordStore.Upsert.NEW), page(person, source, condition("x".repeat(128), "1", "L", null)));
        JsonNode longMeta = json("{\"resourceType\":\"Condition\",\"id\":\"m1\",\"meta\":{\"versionId\":\""
                + "v".repeat(65) + "\",\"lastUpdated\":\"" + "2".repeat(41) + "\"}}");
        assertEquals(List.of(RecordStore.Upsert.NEW), page(person, source, longMeta));
        Stored m1 = stored(source).get("m1");
        assertNull(m1.versionId(), "a version that does not fit is ignored; the JSON tells versions apart");
        assertNull(m1.lastUpdated());
        assertEquals(List.of(RecordStore.Upsert.UNCHANGED), page(person, source, longMeta));
    }

    @Test
    void aLargePageIsWrittenRightWhetherOrNotTheSampleSeesItsStoredRows() throws Exception {
        UUID person = ward("Large Page");
        RecordSource source = RecordSource.connection(UUID.randomUUID());
        int n = RecordStore.OPTIMISTIC_FROM + 44;
        List<JsonNode> fresh = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fresh.add(condition("n" + i, "1", "New " + i, null));
        }
        assertEquals(n, page(person, source, fresh.toArray(JsonNode[]::new)).stream()
                .filter(u -> u == RecordStore.Upsert.NEW).count(), "a new page, written without the full look-up");

        // position 1 is not among the sampled ids (every (n / 64)th): the write meets the stored row on the primary
        // key, and the page is written again after the full look-up
        List<JsonNode> mixed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            mixed.add(i == 1 ? condition("n7", "2", "Changed", null) : i == 2 ? condition("n8", "1", "New 8", null)
                    : condition("m" + i, "1", "More " + i, null));
        }
        List<RecordStore.Upsert> done = page(person, source, mixed.toArray(JsonNode[]::new));
        assertEquals(RecordStore.Upsert.UPDATED, done.get(1));
        assertEquals(RecordStore.Upsert.UNCHANGED, done.get(2));
        assertEquals(n - 2, done.stream().filter(u -> u == RecordStore.Upsert.NEW).count());
        Map<String, Stored> rows = stored(source);
        assertEquals(2 * n - 2, rows.size(), "every record once");
        assertEquals("Changed", rows.get("n7").display());
        assertEquals("More 0", rows.get("m0").display());
    }
}
