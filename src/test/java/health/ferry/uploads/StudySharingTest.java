package health.ferry.uploads;

import static health.ferry.Tokens.as;
import static health.ferry.uploads.UploadCalls.ASTHMA;
import static health.ferry.uploads.UploadCalls.HEART;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.review.CoordinatorApiTest;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.ferry.records.RecordSource;
import health.ferry.records.RecordStore;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: each study receives only what its participant shares with it: the categories it requests and they
 * share, accepted, received while their consent let records flow, uploads only to the study they were made for;
 * consent events go with the export as FHIR Consent resources.
 */
@QuarkusTest
class StudySharingTest {
    static final String API = "/api/v1/coordinator/studies/";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RecordStore store;
    @Inject
    AgroalDataSource db;
    @Inject
    FhirContext fhir;

    /** One participant's records as a study export holds them: "Type/id", their own lines only. */
    record Held(Set<String> records, List<String> consents) {
    }

    @Test
    void twoStudiesReceiveOnlyTheCategoriesEachRequestsAndTheParticipantShares() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String person = UploadCalls.ward("alice", "Sharing Sasha", null);
        String asthma = enrol(person, ASTHMA, "1.2", null).then().statusCode(201)
                .body("sharedCategories", hasItems("conditions", "immunizations", "medications", "vital_signs"))
                .body("reconsentRequired", equalTo(false)).extract().path("id");
        enrol(person, HEART, "2026-03", List.of("conditions", "lab_results")).then().statusCode(201)
                .body("sharedCategories", equalTo(List.of("conditions", "lab_results")));
        String upload = UploadCalls.upload("alice", HEART, person, Map.of("note.txt", UploadFixtures.note("n")))
                .then().statusCode(202).extract().path("id");
        UploadCalls.finished("alice", upload);
        UUID p = UUID.fromString(person);
        RecordSource portal = RecordSource.connection(UUID.randomUUID());
        store.upsert(p, portal, patient("pt-" + tag));
        store.upsert(p, portal, resource("Condition", "cond-" + tag, ""));
        store.upsert(p, portal, resource("Immunization", "imm-" + tag, ""));
        store.upsert(p, portal, resource("MedicationRequest", "med-" + tag, ""));
        store.upsert(p, portal, resource("Procedure", "proc-" + tag, ""));
        store.upsert(p, portal, resource("Observation", "lab-" + tag, observationCategory("laboratory")));
        store.upsert(p, portal, resource("Observation", "vital-" + tag, observationCategory("vital-signs")));
        store.upsert(p, RecordSource.upload(UUID.fromString(upload)), resource("Condition", "upcond-" + tag, ""));
        store.upsert(p, portal, resource("AllergyIntolerance", "pending-" + tag, ""));
        acceptAllBut(person, "pending-" + tag);

        String heartPseudonym = pseudonym(person, HEART);
        String asthmaPseudonym = pseudonym(person, ASTHMA);
        assertTrue(!heartPseudonym.equals(asthmaPseudonym), "one pseudonym per study");
        Held heartHeld = export("casey", HEART, heartPseudonym);
        assertEquals(Set.of(id(HEART, "Condition", "cond-" + tag),
                id(HEART, "Condition", "upcond-" + tag), id(HEART, "Observation", "lab-" + tag)),
                heartHeld.records(),
                "the heart study: conditions and lab results (shared), its own upload; not procedures (requested, "
                        + "not shared), not immunizations (not requested), not the pending allergy, not the Patient "
                        + "(demographics requested, not shared)");
        Held asthmaHeld = export("dana", ASTHMA, asthmaPseudonym);
        assertEquals(Set.of("Patient/" + asthmaPseudonym, id(ASTHMA, "Condition", "cond-" + tag),
                id(ASTHMA, "Immunization", "imm-" + tag), id(ASTHMA, "MedicationRequest", "med-" + tag),
                id(ASTHMA, "Observation", "vital-" + tag)), asthmaHeld.records(),
                "the asthma registry: all it requests; not lab results nor procedures, not the heart study's upload");

        // A category turned off stops the flow at once; the change is a consent event of its own.
        as("alice").contentType(ContentType.JSON).body(Map.of("sharedCategories", List.of("lab_results")))
                .put("/api/v1/people/" + person + "/enrollments/" + enrolmentId(person, HEART) + "/sharing").then()
                .statusCode(200).body("sharedCategories", equalTo(List.of("lab_results")));
        Held heart = export("casey", HEART, heartPseudonym);
        assertEquals(Set.of(id(HEART, "Observation", "lab-" + tag)), heart.records());
        assertEquals(List.of("given:inactive", "sharing_changed:active"), heart.consents());

        // Withdrawal stops the flow; records received while withdrawn never flow, even after enrolling again.
        as("alice").delete("/api/v1/people/" + person + "/enrollments/" + asthma).then().statusCode(204);
        Held withdrawn = export("dana", ASTHMA, asthmaPseudonym);
        assertEquals(Set.of(), withdrawn.records());
        assertEquals(List.of("given:inactive", "withdrawn:inactive"), withdrawn.consents());
        pause();
        store.upsert(p, portal, resource("Immunization", "gap-" + tag, ""));
        acceptAllBut(person, "pending-" + tag);
        pause();
        enrol(person, ASTHMA, "1.2", List.of("immunizations")).then().statusCode(201).body("id", equalTo(asthma));
        assertEquals(Set.of(id(ASTHMA, "Immunization", "imm-" + tag)),
                export("dana", ASTHMA, asthmaPseudonym).records(), "received before the withdrawal: it flows (the "
                        + "Patient does not: demographics is no longer shared)");
    }

    @Test
    void aStudysNewConsentVersionStopsTheFlowUntilTheParticipantConsentsAgain() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String person = UploadCalls.ward("alice", "Reconsent Robin", null);
        String enrolment = enrol(person, ASTHMA, "1.2", List.of("conditions")).then().statusCode(201)
                .extract().path("id");
        UUID p = UUID.fromString(person);
        RecordSource portal = RecordSource.connection(UUID.randomUUID());
        store.upsert(p, portal, resource("Condition", "before-" + tag, ""));
        pause();
        studyMovedOn(enrolment);
        pause();
        store.upsert(p, portal, resource("Condition", "after-" + tag, ""));
        acceptAllBut(person, "none");
        String pseudonym = pseudonym(person, ASTHMA);

        as("alice").get("/api/v1/people/" + person + "/enrollments").then().statusCode(200)
                .body("items[0].consentVersion", equalTo("1.1")).body("items[0].reconsentRequired", equalTo(true));
        as("alice").cookie("ferry_acting", person).get("/studies/" + ASTHMA).then().statusCode(200)
                .body(containsString("The study&#39;s consent has changed (now version 1.2)"))
                .body(containsString("Until you read the new consent above and accept it, nothing new is shared"));
        Held gated = export("dana", ASTHMA, pseudonym);
        assertEquals(Set.of(id(ASTHMA, "Condition", "before-" + tag)), gated.records(),
                "nothing received after the study's consent changed flows until the participant consents again");

        enrol(person, ASTHMA, "1.2", null).then().statusCode(201).body("id", equalTo(enrolment))
                .body("consentVersion", equalTo("1.2")).body("reconsentRequired", equalTo(false))
                .body("sharedCategories", equalTo(List.of("conditions")));
        pause();
        store.upsert(p, portal, resource("Condition", "again-" + tag, ""));
        acceptAllBut(person, "none");
        Held held = export("dana", ASTHMA, pseudonym);
        assertEquals(Set.of(id(ASTHMA, "Condition", "before-" + tag), id(ASTHMA, "Condition", "again-" + tag)),
                held.records(),
                "what arrived between the change and the new consent stays out");
        assertEquals(List.of("given:inactive", "reconsented:active"), held.consents());
        enrol(person, ASTHMA, "1.2", null).then().statusCode(409).body("code", equalTo("already_enrolled"));
    }

    @Test
    void onlyCategoriesTheStudyRequestsCanBeShared() {
        String person = UploadCalls.ward("alice", "Choosy Cam", null);
        enrol(person, ASTHMA, "1.2", List.of("conditions", "lab_results")).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("sharedCategories"))
                .body("errors[0].message", containsString("lab_results"));
        enrol(person, ASTHMA, "1.2", List.of("nonsense")).then().statusCode(400)
                .body("errors[0].field", equalTo("sharedCategories"));
        enrol(person, ASTHMA, "1.2", List.of()).then().statusCode(400)
                .body("errors[0].field", equalTo("sharedCategories"));
        String id = enrol(person, ASTHMA, "1.2", List.of("visits")).then().statusCode(201).extract().path("id");
        String sharing = "/api/v1/people/" + person + "/enrollments/" + id + "/sharing";
        as("alice").contentType(ContentType.JSON).body(Map.of("sharedCategories", List.of("procedures")))
                .put(sharing).then().statusCode(400).body("errors[0].field", equalTo("sharedCategories"));
        as("bob").contentType(ContentType.JSON).body(Map.of("sharedCategories", List.of("visits")))
                .put(sharing).then().statusCode(404);
        as("alice").contentType(ContentType.JSON).body(Map.of("sharedCategories", List.of())).put(sharing).then()
                .statusCode(200).body("sharedCategories", equalTo(List.of()));
    }

    @Test
    void consentEventsExportAsFhirR4ConsentResourcesThatHapiParsesWithoutErrors() throws Exception {
        String person = UploadCalls.ward("alice", "Consenting Kai", null);
        String id = enrol(person, HEART, "2026-03", List.of("conditions", "visits")).then().statusCode(201)
                .extract().path("id");
        as("alice").delete("/api/v1/people/" + person + "/enrollments/" + id).then().statusCode(204);
        String pseudonym = pseudonym(person, HEART);
        Map<String, byte[]> files = CoordinatorApiTest.unzip(as("casey").get(API + HEART + "/export?format=ndjson")
                .then().statusCode(200).extract().asByteArray());
        List<String> lines = CoordinatorApiTest.lines(files.get("Consent.ndjson"), "Patient/" + pseudonym);
        assertEquals(2, lines.size(), lines.toString());
        IParser strict = fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        Consent given = strict.parseResource(Consent.class, lines.get(0));
        assertEquals(Consent.ConsentState.INACTIVE, given.getStatus());
        assertEquals("research", given.getScope().getCodingFirstRep().getCode());
        assertEquals("Patient/" + pseudonym, given.getPatient().getReference());
        assertEquals(HEART, given.getOrganizationFirstRep().getIdentifier().getValue());
        assertEquals("urn:ferry:study:" + HEART + ":consent:2026-03", given.getPolicyFirstRep().getUri());
        assertEquals("IRCP", given.getProvision().getActorFirstRep().getRole().getCodingFirstRep().getCode());
        assertEquals(HEART, given.getProvision().getActorFirstRep().getReference().getIdentifier().getValue());
        List<String> provisions = new ArrayList<>();
        given.getProvision().getProvision().forEach(x -> provisions.add(x.getCodeFirstRep().getCodingFirstRep()
                .getCode() + "=" + x.getType().toCode()));
        assertEquals(List.of("conditions=permit", "medications=deny", "allergies=deny", "lab_results=deny",
                "vital_signs=deny", "procedures=deny", "visits=permit", "documents=deny", "demographics=deny"),
                provisions);
        assertTrue(given.hasDateTime());
        Consent withdrawn = strict.parseResource(Consent.class, lines.get(1));
        assertEquals(Consent.ConsentState.INACTIVE, withdrawn.getStatus());
        assertEquals("withdrawn", withdrawn.getMeta().getTagFirstRep().getCode());
        assertTrue(withdrawn.getProvision().getProvision().stream().allMatch(x -> x.getType().toCode()
                .equals("deny")), "nothing is permitted once withdrawn");
        assertTrue(!files.containsKey("Condition.ndjson") || CoordinatorApiTest.lines(files.get("Condition.ndjson"),
                pseudonym).isEmpty());
    }

    @Test
    void idsAreRekeyedPerStudyStableWithinItUnrelatedAcrossAndLeadNowhereOutside() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String person = UploadCalls.ward("alice", "Rekeyed Rene", null);
        enrol(person, HEART, "2026-03", List.of("conditions", "visits", "documents")).then().statusCode(201);
        enrol(person, ASTHMA, "1.2", List.of("conditions", "visits")).then().statusCode(201);
        UUID p = UUID.fromString(person);
        RecordSource portal = RecordSource.connection(UUID.randomUUID());
        store.upsert(p, portal, resource("Encounter", "enc-" + tag, ",\"identifier\":[{\"value\":\"MRN-" + tag
                + "\"}]"));
        store.upsert(p, portal, resource("Condition", "cond-" + tag, ",\"encounter\":{\"reference\":"
                + "\"https://portal.example/fhir/Encounter/enc-" + tag + "/_history/3\"},\"asserter\":{\"reference\":"
                + "\"urn:uuid:" + tag + "\",\"display\":\"Dr Who\"},\"meta\":{\"source\":\"https://portal.example\"}"));
        store.upsert(p, portal, resource("DocumentReference", "doc-" + tag, ",\"content\":[{\"attachment\":{"
                + "\"contentType\":\"application/pdf\",\"url\":\"https://portal.example/Binary/bin-" + tag
                + "\"}}],\"extension\":[{\"url\":\"http://example.org/ext\",\"valueString\":\"kept\"}]"));
        acceptAllBut(person, "none");

        String heartPseudonym = pseudonym(person, HEART);
        String asthmaPseudonym = pseudonym(person, ASTHMA);
        Map<String, JsonNode> heart = lines("casey", HEART, heartPseudonym);
        Map<String, JsonNode> asthma = lines("dana", ASTHMA, asthmaPseudonym);
        String heartCondition = id(HEART, "Condition", "cond-" + tag);
        String heartEncounter = id(HEART, "Encounter", "enc-" + tag);
        assertEquals(Set.of(heartCondition, heartEncounter, id(HEART, "DocumentReference", "doc-" + tag)),
                heart.keySet());
        assertEquals(Set.of(id(ASTHMA, "Condition", "cond-" + tag), id(ASTHMA, "Encounter", "enc-" + tag)),
                asthma.keySet());
        assertTrue(!heartCondition.equals(id(ASTHMA, "Condition", "cond-" + tag)), "unrelated across studies");
        assertEquals(heartEncounter, heart.get(heartCondition).path("encounter").path("reference").asText(),
                "a reference points at the re-keyed id of what it names, the portal's address gone");
        assertTrue(heart.get(heartCondition).path("asserter").path("reference").isMissingNode(),
                "a reference naming no resource is dropped");
        assertTrue(heart.get(heartCondition).path("meta").path("source").isMissingNode());
        JsonNode doc = heart.get(id(HEART, "DocumentReference", "doc-" + tag));
        assertTrue(doc.path("content").path(0).path("attachment").path("url").isMissingNode(), doc.toString());
        assertEquals("application/pdf", doc.path("content").path(0).path("attachment").path("contentType").asText());
        assertEquals("http://example.org/ext", doc.path("extension").path(0).path("url").asText());
        List<JsonNode> all = new ArrayList<>(heart.values());
        all.addAll(asthma.values());
        for (JsonNode r : all) {
            List<String> named = new ArrayList<>(r.findValuesAsText("reference"));
            named.add(r.path("id").asText());
            assertTrue(named.stream().noneMatch(n -> n.contains(tag)), "no portal id reaches a study: " + r);
            assertTrue(r.findValues("identifier").isEmpty(), "no business identifier reaches a study: " + r);
            assertTrue(!r.toString().contains("portal.example"), "nothing leads back to the portal: " + r);
        }
        assertEquals(heart.keySet(), lines("casey", HEART, heartPseudonym).keySet(), "stable within the study");
    }

    @Test
    void theParticipantSeesWhatEachStudyHasReceivedWhenItLastExportedAndWhoLooked() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String person = UploadCalls.ward("alice", "Receipts Riley", null);
        enrol(person, HEART, "2026-03", List.of("conditions", "lab_results")).then().statusCode(201);
        enrol(person, ASTHMA, "1.2", null).then().statusCode(201);
        UUID p = UUID.fromString(person);
        RecordSource portal = RecordSource.connection(UUID.randomUUID());
        store.upsert(p, portal, patient("pt-" + tag));
        store.upsert(p, portal, resource("Condition", "cond-" + tag, ""));
        store.upsert(p, portal, resource("Immunization", "imm-" + tag, ""));
        store.upsert(p, portal, resource("Observation", "lab-" + tag, observationCategory("laboratory")));
        acceptAllBut(person, "none");
        String received = "/api/v1/people/" + person + "/received";
        String heart = "items.find { it.studyId == '" + HEART + "' }";
        String asthma = "items.find { it.studyId == '" + ASTHMA + "' }";
        as("alice").get(received).then().statusCode(200).body("total", equalTo(2))
                .body(heart + ".categories.find { it.category == 'conditions' }.records", equalTo(1))
                .body(heart + ".categories.find { it.category == 'conditions' }.shared", equalTo(true))
                .body(heart + ".categories.find { it.category == 'lab_results' }.records", equalTo(1))
                .body(heart + ".categories.find { it.category == 'procedures' }.shared", equalTo(false))
                .body(heart + ".categories.find { it.category == 'procedures' }.label", equalTo("Procedures"))
                .body(heart + ".categories.find { it.category == 'immunizations' }", org.hamcrest.Matchers.nullValue())
                .body(heart + ".lastExportAt", org.hamcrest.Matchers.nullValue())
                .body(asthma + ".categories.find { it.category == 'immunizations' }.records", equalTo(1))
                .body(asthma + ".categories.find { it.category == 'conditions' }.records", equalTo(1));
        as("casey").get(API + HEART + "/export?format=ndjson").then().statusCode(200);
        as("alice").contentType(ContentType.JSON).body(Map.of("sharedCategories", List.of("lab_results")))
                .put("/api/v1/people/" + person + "/enrollments/" + enrolmentId(person, HEART) + "/sharing").then()
                .statusCode(200);
        as("alice").get(received).then().statusCode(200)
                .body(heart + ".lastExportAt", org.hamcrest.Matchers.notNullValue())
                .body(heart + ".viewers", equalTo(List.of("casey")))
                .body(heart + ".categories.find { it.category == 'conditions' }.shared", equalTo(false))
                .body(heart + ".categories.find { it.category == 'conditions' }.records", equalTo(0))
                .body(asthma + ".lastExportAt", org.hamcrest.Matchers.nullValue());
        String byStudy = "items.find { it.studyId == '%s' }.lastExportedAt";
        as("alice").get("/api/v1/people/" + person + "/enrollments").then().statusCode(200)
                .body(String.format(byStudy, HEART), org.hamcrest.Matchers.notNullValue())
                .body(String.format(byStudy, ASTHMA), org.hamcrest.Matchers.nullValue());
        as("alice").cookie("ferry_acting", person).get("/studies/" + HEART).then().statusCode(200)
                .body(containsString("records on "))
                .body(containsString("copies it exported until then cannot be recalled"));
        as("alice").cookie("ferry_acting", person).get("/account/access-log").then().statusCode(200)
                .body(containsString("What each study has received"))
                .body(containsString("Last exported by the study:"))
                .body(containsString("Copies exported until then cannot be recalled."))
                .body(containsString("Looked at by: casey"));
        as("bob").get(received).then().statusCode(404);
    }

    // ------------------------------------------------------------------------------------------------------------

    static io.restassured.response.Response enrol(String person, String study, String version,
            List<String> shared) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("personId", person, "consentVersion", version));
        if (shared != null) {
            body.put("sharedCategories", shared);
        }
        return as("alice").contentType(ContentType.JSON).body(body).post("/api/v1/studies/" + study
                + "/enrollments");
    }

    static String enrolmentId(String person, String study) {
        return as("alice").get("/api/v1/people/" + person + "/enrollments").then().statusCode(200).extract()
                .path("items.find { it.studyId == '" + study + "' }.id");
    }

    /** Accepts every pending record of the person except the one with this resource id (it stays pending). */
    static void acceptAllBut(String person, String keepPending) {
        List<String> pending = as("alice").get("/api/v1/people/" + person + "/records?state=pending").then()
                .statusCode(200).extract().jsonPath().getList("items.findAll { !it.display?.contains('"
                        + keepPending + "') }.id");
        as("alice").contentType(ContentType.JSON).body(Map.of("accept", pending, "delete", List.of()))
                .post("/api/v1/people/" + person + "/records/decisions").then().statusCode(200);
    }

    /** The participant's part of a study's records export: record "Type/id"s and consent "action:status"es. */
    static Held export(String coordinator, String study, String pseudonym) throws IOException {
        Map<String, byte[]> files = CoordinatorApiTest.unzip(as(coordinator).get(API + study
                + "/export?format=ndjson").then().statusCode(200).extract().asByteArray());
        Set<String> records = new TreeSet<>();
        List<String> consents = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            for (String line : new String(f.getValue(), StandardCharsets.UTF_8).lines().toList()) {
                JsonNode r = JSON.readTree(line);
                String type = r.path("resourceType").asText();
                assertEquals(f.getKey(), type + ".ndjson");
                boolean mine = r.path("id").asText().equals(pseudonym)
                        || line.contains("\"Patient/" + pseudonym + "\"");
                if (mine && type.equals("Consent")) {
                    consents.add(r.path("meta").path("tag").path(0).path("code").asText() + ":"
                            + r.path("status").asText());
                } else if (mine && !type.equals("Provenance")) { // Ferry's Provenance: DedupProvenanceTest
                    records.add(type + "/" + r.path("id").asText());
                }
            }
        }
        return new Held(records, consents);
    }

    /** "Type/id" as the study's export names the record: HMAC-SHA256(the study's key, "Type/id"), 40 hex. */
    String id(String study, String type, String id) throws Exception {
        return studyId(db, study, type, id);
    }

    /** {@link #id} on that database. */
    static String studyId(AgroalDataSource db, String study, String type, String id) throws Exception {
        String secret;
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(
                "select secret from study_export_key where study_id = ?")) {
            q.setString(1, study);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next(), "the study's key is made on its first export");
                secret = rs.getString(1);
            }
        }
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(secret), "HmacSHA256"));
        byte[] digest = mac.doFinal((type + "/" + id).getBytes(StandardCharsets.UTF_8));
        return type + "/" + java.util.HexFormat.of().formatHex(digest, 0, 20);
    }

    /** The participant's records in a study's export, by "Type/id". */
    static Map<String, JsonNode> lines(String coordinator, String study, String pseudonym) throws IOException {
        Map<String, byte[]> files = CoordinatorApiTest.unzip(as(coordinator).get(API + study
                + "/export?format=ndjson").then().statusCode(200).extract().asByteArray());
        Map<String, JsonNode> mine = new java.util.TreeMap<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            for (String line : CoordinatorApiTest.lines(f.getValue(), pseudonym)) {
                JsonNode r = JSON.readTree(line);
                if (!Set.of("Consent", "Provenance").contains(r.path("resourceType").asText())) {
                    mine.put(r.path("resourceType").asText() + "/" + r.path("id").asText(), r);
                }
            }
        }
        return mine;
    }

    String pseudonym(String person, String study) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(
                "select pseudonym from enrolment where person_id = ? and study_id = ?")) {
            q.setObject(1, UUID.fromString(person));
            q.setString(2, study);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    /**
     * As if the participant had consented to version 1.1 and the registry then moved to 1.2, now: the enrolment
     * and its events say 1.1, and 1.2 is recorded as in force from this moment.
     */
    void studyMovedOn(String enrolment) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(true);
            update(c, "update enrolment set consent_version = '1.1' where id = ?", UUID.fromString(enrolment));
            update(c, "update consent_event set consent_version = '1.1' where enrolment_id = ?",
                    UUID.fromString(enrolment));
            update(c, "insert into study_consent_version (study_id, consent_version, since) values ('"
                    + ASTHMA + "', '1.1', ?) on conflict do nothing", Instant.parse("2000-01-01T00:00:00Z")
                            .atOffset(ZoneOffset.UTC));
            update(c, "update study_consent_version set since = ? where study_id = '" + ASTHMA
                    + "' and consent_version = '1.2'", Instant.now().atOffset(ZoneOffset.UTC));
        }
    }

    private static void update(Connection c, String sql, Object parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            s.executeUpdate();
        }
    }

    /** Lets the clock move past the last event, so what comes next is received strictly after it. */
    static void pause() throws InterruptedException {
        Thread.sleep(20);
    }

    static String patient(String id) {
        return "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"gender\":\"female\","
                + "\"birthDate\":\"2012-06-01\"}";
    }

    static String resource(String type, String id, String extra) {
        return "{\"resourceType\":\"" + type + "\",\"id\":\"" + id + "\"" + extra + ",\"code\":{\"text\":\"" + id
                + "\"},\"subject\":{\"reference\":\"Patient/x\"},\"patient\":{\"reference\":\"Patient/x\"}}";
    }

    static String observationCategory(String code) {
        return ",\"status\":\"final\",\"category\":[{\"coding\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"" + code + "\"}]}]";
    }
}
