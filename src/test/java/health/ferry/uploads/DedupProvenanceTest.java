package health.ferry.uploads;

import static health.ferry.Tokens.as;
import static health.ferry.uploads.UploadCalls.ASTHMA;
import static health.ferry.uploads.UploadCalls.HEART;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.review.CoordinatorApiTest;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import health.ferry.records.RecordSource;
import health.ferry.records.RecordStore;
import health.ferry.records.RecordStore.Upsert;
import health.ferry.uploads.structured.CdaFixtures;
import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Provenance;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, points 4 and 5: the same clinical fact from two sources is one record with two sources (matched on
 * identifiers, then code + day + value), facts that merely look alike stay apart, and every record shows where it
 * came from: on the participant's records page and timeline, and in a study's export as FHIR Provenance.
 */
@QuarkusTest
class DedupProvenanceTest {
    private static final String SNOMED = "http://snomed.info/sct";
    private static final String LOINC = "http://loinc.org";

    @Inject
    RecordStore store;
    @Inject
    AgroalDataSource db;
    @Inject
    FhirContext fhir;

    @Test
    void theSameCcdInTwoUploadsIsOneRecordPerFactWithBothUploadsAsSources() throws Exception {
        String person = UploadCalls.ward("alice", "Twice Uploaded", HEART);
        Map<String, byte[]> first = Map.of("IHE_XDM/SUBSET01/DOC0001.XML", CdaFixtures.ccd());
        String one = UploadCalls.upload("alice", HEART, person, Map.of("first-export.zip",
                UploadFixtures.zip(first))).then().statusCode(202).extract().path("id");
        assertEquals("ready_for_review", UploadCalls.finished("alice", one).getString("status"));
        int facts = pending(person).getInt("total");
        assertTrue(facts > 5, "the CCD's records: " + facts);

        Map<String, byte[]> second = new LinkedHashMap<>();
        second.put("export/summary.xml", CdaFixtures.ccd());
        second.put("export/readme.txt", UploadFixtures.note("the same summary again"));
        String two = UploadCalls.upload("alice", HEART, person, Map.of("second-export.zip",
                UploadFixtures.zip(second))).then().statusCode(202).extract().path("id");
        assertEquals("ready_for_review", UploadCalls.finished("alice", two).getString("status"));

        JsonPath after = pending(person);
        assertEquals(facts, after.getInt("total"), "the second upload adds no record: its facts are held already");
        assertEquals(List.of(one), after.getList("items.source.id").stream().distinct().toList());
        assertEquals(facts, count("select count(*) from record_merge m join health_record d on d.id = m.duplicate_id"
                + " where d.source_id = ? and d.state = 'merged'", UUID.fromString(two)),
                "every record of the second upload is a merged copy of the first's");
        String page = records(person);
        assertTrue(page.contains("From: IHE_XDM/SUBSET01/DOC0001.XML in the upload first-export.zip of "), page);
        assertTrue(page.contains("; export/summary.xml in the upload second-export.zip of "), page);
    }

    @Test
    void aPortalAndAnUploadOfTheSameConditionAreOneRecordWithTwoSourcesEverywhere() throws Exception {
        String person = UploadCalls.ward("alice", "Portal And Upload", HEART);
        StudySharingTest.enrol(person, ASTHMA, "1.2", null).then().statusCode(201);
        UUID p = UUID.fromString(person);
        String upload = UploadCalls.upload("alice", HEART, person, Map.of("summary.xml", CdaFixtures.ccd())).then()
                .statusCode(202).extract().path("id");
        assertEquals("ready_for_review", UploadCalls.finished("alice", upload).getString("status"));
        RecordSource portal = RecordSource.connection(connection(p, "Willow Test Clinic"));
        String diabetes = "{\"resourceType\":\"Condition\",\"id\":\"dm2\",\"code\":{\"coding\":[{\"system\":\""
                + SNOMED + "\",\"code\":\"44054006\",\"display\":\"Diabetes mellitus type 2\"}]},"
                + "\"onsetDateTime\":\"2019-03-12T10:30:00-05:00\","
                + "\"meta\":{\"source\":\"https://portal.example/fhir\"},\"subject\":{\"reference\":\"Patient/pt\"}}";
        assertEquals(Upsert.MERGED, store.upsert(p, portal, diabetes));
        assertEquals(Upsert.UNCHANGED, store.upsert(p, portal, diabetes), "a re-sync stays idempotent");

        List<String> matching = pending(person).getList("items.findAll { it.display == 'Diabetes mellitus type 2' }"
                + ".id");
        assertEquals(1, matching.size(), "one record for the fact");
        String page = records(person);
        assertTrue(page.contains("From: the upload summary.xml of ") && page.contains("; the portal of Willow Test"
                + " Clinic</span>"), page);

        StudySharingTest.acceptAllBut(person, "none");
        String timeline = as("alice").cookie("ferry_acting", person).get("/records/timeline").then().statusCode(200)
                .extract().asString();
        assertTrue(timeline.contains("the portal of Willow Test Clinic"), timeline);
        assertTrue(timeline.contains("From: the upload summary.xml of "), timeline);

        String resourceId = resourceId(UUID.fromString(matching.get(0)));
        List<Provenance> heart = provenances("casey", HEART);
        String conditionId = StudySharingTest.studyId(db, HEART, "Condition", resourceId);
        Provenance forDiabetes = heart.stream().filter(x -> x.getTargetFirstRep().getReference().equals(
                conditionId)).findFirst().orElseThrow();
        List<String> sources = forDiabetes.getEntity().stream().map(e -> e.getWhat().getDisplay()).toList();
        assertEquals(2, sources.size(), sources.toString());
        assertTrue(sources.contains("Patient portal: Willow Test Clinic"), sources.toString());
        assertTrue(sources.stream().anyMatch(s -> s.startsWith("A document in upload ")), sources.toString());
        assertEquals("Ferry", forDiabetes.getAgentFirstRep().getWho().getDisplay());

        // The asthma registry asks for conditions and has no upload of its own: the fact reached Ferry from a portal
        // too, so the registry receives it, with the portal as its only source it may see.
        List<Provenance> asthma = provenances("dana", ASTHMA);
        String asthmaCondition = StudySharingTest.studyId(db, ASTHMA, "Condition", resourceId);
        Provenance inAsthma = asthma.stream().filter(x -> x.getTargetFirstRep().getReference().equals(
                asthmaCondition)).findFirst().orElseThrow();
        assertEquals(List.of("Patient portal: Willow Test Clinic"), inAsthma.getEntity().stream()
                .map(e -> e.getWhat().getDisplay()).toList(), "another study's upload is never named");
    }

    @Test
    void twoDifferentObservationsOnTheSameDayStayTwoAndTheSameValueWrittenOtherwiseIsOne() {
        UUID p = UUID.fromString(UploadCalls.ward("alice", "Same Day Pulse", null));
        RecordSource a = RecordSource.connection(UUID.randomUUID());
        RecordSource b = RecordSource.upload(UUID.randomUUID());
        assertEquals(Upsert.NEW, store.upsert(p, a, pulse("hr-1", "2024-01-02T08:00:00Z", "72")));
        assertEquals(Upsert.NEW, store.upsert(p, b, pulse("hr-2", "2024-01-02T17:00:00Z", "80")),
                "another value on the same day is another fact");
        assertEquals(Upsert.MERGED, store.upsert(p, b, pulse("hr-3", "2024-01-02T08:00:00Z", "72.0")),
                "the same value, written with a trailing zero, from another source is the same fact");
        assertEquals(Upsert.NEW, store.upsert(p, b, pulse("hr-4", "2024-01-03T08:00:00Z", "72")),
                "the same value on another day is another fact");
    }

    @Test
    void identicalLookingObservationsFromOneSourceStayTwoAndAreNeverGuessedBetween() {
        UUID p = UUID.fromString(UploadCalls.ward("alice", "Two Readings", null));
        RecordSource portal = RecordSource.connection(UUID.randomUUID());
        assertEquals(List.of(Upsert.NEW, Upsert.NEW), List.of(store.upsert(p, portal, pulse("bp-1",
                "2024-02-02T08:00:00Z", "120")), store.upsert(p, portal, pulse("bp-2", "2024-02-02T08:05:00Z",
                "120"))), "one source says they are two readings");
        assertEquals(Upsert.NEW, store.upsert(p, RecordSource.upload(UUID.randomUUID()), pulse("bp-3",
                "2024-02-02T08:00:00Z", "120")), "which of the two it would be is a guess: it stays its own");
    }

    @Test
    void identifiersDecideBeforeCodesAndAContradictionKeepsTwoRecords() {
        UUID p = UUID.fromString(UploadCalls.ward("alice", "Identified Ivy", null));
        RecordSource a = RecordSource.connection(UUID.randomUUID());
        RecordSource b = RecordSource.connection(UUID.randomUUID());
        assertEquals(Upsert.NEW, store.upsert(p, a, condition("c-a", "A-1", "2020-05-01")));
        assertEquals(Upsert.NEW, store.upsert(p, b, condition("c-b", "B-9", "2020-05-01")),
                "same code and day, but the shared identifier system names another entry");
        assertEquals(Upsert.MERGED, store.upsert(p, b, condition("c-b2", "A-1", "2020-06-30")),
                "the same identifier is the same entry, whatever date the other source gives it");
        assertEquals(Upsert.NEW, store.upsert(p, b, condition("c-b3", null, "2019-01-01")));
    }

    @Test
    void disconnectingTheSourceOfAPendingRecordLeavesTheOtherSourcesCopyAsTheRecord() throws Exception {
        String person = UploadCalls.ward("alice", "Disconnected Dora", null);
        UUID p = UUID.fromString(person);
        RecordSource portal = RecordSource.connection(connection(p, "Closing Clinic"));
        RecordSource other = RecordSource.connection(connection(p, "Staying Clinic"));
        RecordSource third = RecordSource.upload(UUID.randomUUID());
        assertEquals(Upsert.NEW, store.upsert(p, portal, condition("gone", null, "2018-08-08")));
        assertEquals(Upsert.MERGED, store.upsert(p, other, condition("kept", null, "2018-08-08")));
        assertEquals(1, store.deletePending(p, portal));

        JsonPath after = pending(person);
        List<String> kinds = after.getList("items.findAll { it.display == 'Asthma' }.source.id");
        assertEquals(List.of(other.id().toString()), kinds, "the staying portal's copy is the record now");
        String page = records(person);
        assertTrue(page.contains("From: the portal of Staying Clinic</span>"), page);
        assertFalse(page.contains("Closing Clinic"), page);
        assertEquals(Upsert.MERGED, store.upsert(p, third, condition("third", null, "2018-08-08")),
                "the promoted record is matched by the fact from then on");

        // A record the participant deleted stays deleted when its fact arrives again from elsewhere.
        String id = after.getString("items.find { it.display == 'Asthma' }.id");
        as("alice").contentType(ContentType.JSON).body(Map.of("accept", List.of(), "delete", List.of(id)))
                .post("/api/v1/people/" + person + "/records/decisions").then().statusCode(200);
        assertEquals(Upsert.MERGED, store.upsert(p, RecordSource.upload(UUID.randomUUID()), condition("late", null,
                "2018-08-08")));
        assertEquals(0, pending(person).getList("items.findAll { it.display == 'Asthma' }").size());
    }

    // ------------------------------------------------------------------------------------------------------------

    private static JsonPath pending(String person) {
        return as("alice").get("/api/v1/people/" + person + "/records?state=pending").then().statusCode(200)
                .extract().jsonPath();
    }

    private static String records(String person) {
        return as("alice").cookie("ferry_acting", person).get("/records").then().statusCode(200).extract()
                .asString();
    }

    private static String pulse(String id, String at, String value) {
        return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\",\"category\":[{\"coding\":"
                + "[{\"system\":\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":"
                + "\"vital-signs\"}]}],\"code\":{\"coding\":[{\"system\":\"" + LOINC + "\",\"code\":\"8867-4\"}],"
                + "\"text\":\"Heart rate\"},\"effectiveDateTime\":\"" + at + "\",\"valueQuantity\":{\"value\":" + value
                + ",\"unit\":\"/min\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"/min\"}}";
    }

    private static String condition(String id, String identifier, String onset) {
        return "{\"resourceType\":\"Condition\",\"id\":\"" + id + "\"" + (identifier == null ? ""
                : ",\"identifier\":[{\"system\":\"urn:oid:2.16.840.1.113883.19.5\",\"value\":\"" + identifier + "\"}]")
                + ",\"code\":{\"coding\":[{\"system\":\"" + SNOMED + "\",\"code\":\"195967001\"}],\"text\":\"Asthma\"},"
                + "\"onsetDateTime\":\"" + onset + "\"}";
    }

    /** A portal connection of the person (disconnected: nothing syncs it), named as the directory names it. */
    private UUID connection(UUID person, String portal) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement("insert into connection"
                + " (id, person_id, portal_id, portal_name, method, status, created_at, updated_at, version)"
                + " values (?, ?, ?, ?, 'smart', 'disconnected', ?, ?, 0)")) {
            insert.setObject(1, id);
            insert.setObject(2, person);
            insert.setObject(3, UUID.randomUUID());
            insert.setString(4, portal);
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
            insert.setTimestamp(6, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        return id;
    }

    private long count(String sql, UUID param) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, param);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The study export's Provenance resources, each parsed by HAPI's strict parser (an unknown element or a wrong
     * value fails), none holding a portal address, a participant's name or an upload's file name.
     */
    private List<Provenance> provenances(String coordinator, String study) throws Exception {
        Map<String, byte[]> files = CoordinatorApiTest.unzip(as(coordinator).get(StudySharingTest.API + study
                + "/export?format=ndjson").then().statusCode(200).extract().asByteArray());
        byte[] ndjson = files.get("Provenance.ndjson");
        assertNotNull(ndjson, files.keySet().toString());
        IParser strict = fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        List<Provenance> all = new ArrayList<>();
        for (String line : new String(ndjson, StandardCharsets.UTF_8).lines().toList()) {
            for (String leak : List.of("portal.example", "https://portal", "Portal And Upload", "summary.xml",
                    "first-export", "second-export")) {
                assertFalse(line.contains(leak), leak + " in " + line);
            }
            Provenance provenance = strict.parseResource(Provenance.class, line);
            assertFalse(provenance.getTarget().isEmpty());
            assertNotNull(provenance.getRecorded());
            all.add(provenance);
        }
        return all;
    }

    private String resourceId(UUID record) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(
                "select resource_id from health_record where id = ?")) {
            q.setObject(1, record);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }
}
