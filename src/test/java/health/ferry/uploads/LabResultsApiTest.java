package health.ferry.uploads;

import static health.ferry.Tokens.as;
import static health.ferry.uploads.UploadCalls.ASTHMA;
import static health.ferry.uploads.UploadCalls.HEART;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import health.ferry.uploads.labs.LabObservation;
import health.ferry.uploads.labs.LabReports;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;

/**
 * Issue 25 point 3 through the API: a lab report's proposed results, confirmed, corrected and dropped field by field
 * by the study's coordinator only; confirmed results become pending Observations for the participant, which reach a
 * study's export only under the consent rules.
 */
@QuarkusTest
class LabResultsApiTest {
    static final String API = "/api/v1/coordinator/documents/";

    @Inject
    AgroalDataSource db;
    @Inject
    FhirContext fhir;

    record Lab(String person, String upload, String document) {
    }

    static byte[] tableReport() throws Exception {
        Path file = Files.createTempFile("lab-report", ".pdf");
        try {
            return Files.readAllBytes(LabReports.pdf(file, LabReports.table()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A new ward of alice in the heart study who uploaded the generated table-layout lab report. */
    static Lab labUpload(String name) throws Exception {
        String person = UploadCalls.ward("alice", name, HEART);
        String upload = UploadCalls.upload("alice", HEART, person, Map.of("labs/report.pdf", tableReport())).then()
                .statusCode(202).extract().path("id");
        JsonPath done = UploadCalls.finished("alice", upload);
        assertEquals("ready_for_review", done.getString("status"), done.prettify());
        assertEquals("pdf-lab-report", done.getString("documents[0].kind"), done.prettify());
        return new Lab(person, upload, done.getString("documents[0].id"));
    }

    static List<Map<String, Object>> results(String document) {
        return as("casey").get(API + document + "/lab-results").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    /** The result's id whose test field was proposed as {@code test}. */
    @SuppressWarnings("unchecked")
    static String resultOf(List<Map<String, Object>> results, String test) {
        for (Map<String, Object> r : results) {
            for (Map<String, Object> f : (List<Map<String, Object>>) r.get("fields")) {
                if ("test".equals(f.get("field")) && test.equals(f.get("proposed"))) {
                    return (String) r.get("id");
                }
            }
        }
        throw new AssertionError(test + " not in " + results);
    }

    static io.restassured.response.Response decide(String user, String document, String result, Object body) {
        return as(user).contentType(ContentType.JSON).body(body).post(API + document + "/lab-results/" + result);
    }

    static Map<String, Object> field(String field, String decision, String value) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("field", field);
        f.put("decision", decision);
        f.put("value", value);
        return f;
    }

    @Test
    void proposalsArriveWithTheUploadFieldByField() throws Exception {
        Lab lab = labUpload("Lab Lee");
        List<Map<String, Object>> results = results(lab.document());
        assertEquals(8, results.size(), results.toString());
        JsonPath first = as("casey").get(API + lab.document() + "/lab-results").then().extract().jsonPath();
        assertEquals("pending", first.getString("items[1].outcome"));
        assertEquals(1, first.getInt("items[1].page"));
        assertEquals(2, first.getInt("items[5].page"));
        assertEquals(List.of("test", "code", "value", "unit", "range", "flag", "date"),
                first.getList("items[1].fields.field"));
        assertEquals(List.of("WBC", "6690-2", "11.8", "10*3/uL", "4.0-11.0", "H", "2024-03-12"),
                first.getList("items[1].fields.proposed"));
        assertEquals("K/uL", first.getString("items[1].fields[3].printed"));
        assertTrue(first.getList("items[1].fields.decision").stream().allMatch("pending"::equals));
    }

    @Test
    void onlyTheStudysCoordinatorDecidesAParticipantIsRefusedByRole() throws Exception {
        Lab lab = labUpload("Lab Lou");
        String result = resultOf(results(lab.document()), "Hemoglobin");
        Map<String, Object> confirm = Map.of("rest", "confirmed");
        as("dana").get(API + lab.document() + "/lab-results").then().statusCode(404);
        decide("dana", lab.document(), result, confirm).then().statusCode(404);
        // A participant lacks the coordinator role: refused before any look-up, answered like anything else they may
        // not see (web.Problems maps the role's 403 to the same 404: no oracle).
        as("alice").get(API + lab.document() + "/lab-results").then().statusCode(404);
        decide("alice", lab.document(), result, confirm).then().statusCode(404);
        as("casey").get(API + "not-an-id/lab-results").then().statusCode(404);
        decide("casey", lab.document(), "not-an-id", confirm).then().statusCode(404);
        assertTrue(results(lab.document()).stream().allMatch(r -> "pending".equals(r.get("outcome"))),
                "nobody but the coordinator changed anything");
    }

    @Test
    void confirmCorrectDropThenOnlyConfirmedResultsAreRecordsAndOnlyWhereConsentAllows() throws Exception {
        Lab lab = labUpload("Lab Lane");
        StudySharingTest.enrol(lab.person(), ASTHMA, "1.2", null).then().statusCode(201);
        List<Map<String, Object>> results = results(lab.document());
        String hemoglobin = resultOf(results, "Hemoglobin");
        String wbc = resultOf(results, "WBC");
        String sodium = resultOf(results, "Sodium");

        // Bad input: every bad field named, nothing changed.
        decide("casey", lab.document(), wbc, Map.of("fields", List.of(field("value", "corrected", "1l.2"),
                field("unit", "corrected", "furlongs"), field("date", "corrected", "12/03/2024")))).then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("validation_failed"))
                .body("errors.field", equalTo(List.of("value", "unit", "date")))
                .body("errors[0].message", containsString("not a number"));
        decide("casey", lab.document(), wbc, Map.of("fields", List.of(field("colour", "confirmed", null)))).then()
                .statusCode(400).body("errors[0].field", equalTo("fields"));
        decide("casey", lab.document(), wbc, Map.of("rest", "maybe")).then().statusCode(400)
                .body("errors[0].field", equalTo("rest"));
        assertTrue(results(lab.document()).stream().allMatch(r -> "pending".equals(r.get("outcome"))));

        // Field by field: the value first (still pending), then the rest.
        decide("casey", lab.document(), wbc, Map.of("fields", List.of(field("value", "corrected", "11.2")))).then()
                .statusCode(200).body("outcome", equalTo("pending")).body("fields[2].decision", equalTo("corrected"))
                .body("fields[2].corrected", equalTo("11.2")).body("fields[2].decidedBy", equalTo("casey"))
                .body("fields[0].decision", equalTo("pending"));
        String wbcRecord = decide("casey", lab.document(), wbc, Map.of("fields", List.of(field("flag", "dropped",
                null)), "rest", "confirmed")).then().statusCode(200).body("outcome", equalTo("recorded"))
                .extract().path("recordId");
        String hbRecord = decide("casey", lab.document(), hemoglobin, Map.of("rest", "confirmed")).then()
                .statusCode(200).body("outcome", equalTo("recorded")).body("fields.decision",
                        equalTo(List.of("confirmed", "confirmed", "confirmed", "confirmed", "confirmed", "confirmed",
                                "confirmed"))).extract().path("recordId");
        decide("casey", lab.document(), sodium, Map.of("rest", "dropped")).then().statusCode(200)
                .body("outcome", equalTo("dropped")).body("recordId", nullValue());
        decide("casey", lab.document(), hemoglobin, Map.of("rest", "dropped")).then().statusCode(409)
                .body("code", equalTo("already_decided"));

        // The participant has exactly the two confirmed results, pending, as lab results.
        List<Map<String, Object>> pending = as("alice").get("/api/v1/people/" + lab.person()
                + "/records?state=pending&category=lab_results").then().statusCode(200).extract().jsonPath()
                .getList("items");
        assertEquals(2, pending.size(), pending.toString());
        Observation hb = observation(lab, hbRecord);
        assertEquals("Hemoglobin", hb.getCode().getText());
        assertEquals("http://loinc.org", hb.getCode().getCodingFirstRep().getSystem());
        assertEquals("718-7", hb.getCode().getCodingFirstRep().getCode());
        assertEquals("laboratory", hb.getCategoryFirstRep().getCodingFirstRep().getCode());
        Quantity q = hb.getValueQuantity();
        assertEquals(0, new java.math.BigDecimal("13.2").compareTo(q.getValue()));
        assertEquals("http://unitsofmeasure.org", q.getSystem());
        assertEquals("g/dL", q.getCode());
        assertEquals(0, new java.math.BigDecimal("12.0").compareTo(hb.getReferenceRangeFirstRep().getLow()
                .getValue()));
        assertEquals(0, new java.math.BigDecimal("16.0").compareTo(hb.getReferenceRangeFirstRep().getHigh()
                .getValue()));
        assertEquals("2024-03-12", hb.getEffectiveDateTimeType().getValueAsString());
        assertEquals("urn:uuid:" + lab.document(), hb.getMeta().getSource());
        assertEquals("Patient/" + lab.person(), hb.getSubject().getReference());
        assertTrue(hb.getExtensionByUrl(LabObservation.SOURCE_PAGE).getExtensionString("document")
                .endsWith("report.pdf"));
        assertEquals("1", hb.getExtensionByUrl(LabObservation.SOURCE_PAGE).getExtensionByUrl("page").getValue()
                .primitiveValue());
        Observation w = observation(lab, wbcRecord);
        assertEquals(0, new java.math.BigDecimal("11.2").compareTo(w.getValueQuantity().getValue()));
        assertEquals("10*3/uL", w.getValueQuantity().getCode());
        assertTrue(w.getInterpretation().isEmpty(), "the dropped flag is not recorded");

        // Accepted: the heart study receives both; the asthma registry (no lab_results requested) never does.
        StudySharingTest.acceptAllBut(lab.person(), "none-held-back");
        String heart = pseudonym(lab.person(), HEART);
        String asthma = pseudonym(lab.person(), ASTHMA);
        assertEquals(2, observations("casey", HEART, heart), "shared category lab_results, accepted, enrolled");
        assertEquals(0, observations("dana", ASTHMA, asthma), "a study that does not request lab results");
        // Lab results no longer shared with the heart study: they stop flowing.
        as("alice").contentType(ContentType.JSON).body(Map.of("sharedCategories", List.of("conditions")))
                .put("/api/v1/people/" + lab.person() + "/enrollments/" + StudySharingTest.enrolmentId(lab.person(),
                        HEART) + "/sharing").then().statusCode(200);
        assertEquals(0, observations("casey", HEART, heart), "lab results not shared");
    }

    @Test
    void aValueOcrMisreadMustBeCorrectedBeforeItCanBeConfirmed() throws Exception {
        String person = UploadCalls.ward("alice", "Lab Lux", HEART);
        Path file = Files.createTempFile("columns", ".pdf");
        byte[] pdf = Files.readAllBytes(LabReports.pdf(file, LabReports.twoColumns()));
        Files.deleteIfExists(file);
        String upload = UploadCalls.upload("alice", HEART, person, Map.of("columns.pdf", pdf)).then()
                .statusCode(202).extract().path("id");
        JsonPath done = UploadCalls.finished("alice", upload);
        String document = done.getString("documents[0].id");
        String creatinine = resultOf(results(document), "Creatinine");
        decide("casey", document, creatinine, Map.of("rest", "confirmed")).then().statusCode(400)
                .body("errors[0].field", equalTo("value")).body("errors[0].message", containsString("O.9"));
        decide("casey", document, creatinine, Map.of("fields", List.of(field("value", "corrected", "0.9")),
                "rest", "confirmed")).then().statusCode(200).body("outcome", equalTo("recorded"))
                .body("fields[2].proposed", equalTo("O.9")).body("fields[2].corrected", equalTo("0.9"));
    }

    Observation observation(Lab lab, String resourceId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement("select resource from"
                + " health_record where person_id = ? and resource_type = 'Observation' and resource_id = ?")) {
            q.setObject(1, java.util.UUID.fromString(lab.person()));
            q.setString(2, resourceId);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next(), "record " + resourceId);
                return fhir.newJsonParser().parseResource(Observation.class, rs.getString(1));
            }
        }
    }

    String pseudonym(String person, String study) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(
                "select pseudonym from enrolment where person_id = ? and study_id = ?")) {
            q.setObject(1, java.util.UUID.fromString(person));
            q.setString(2, study);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    static long observations(String coordinator, String study, String pseudonym) throws Exception {
        List<String> mine = new ArrayList<>();
        StudySharingTest.export(coordinator, study, pseudonym).records().stream()
                .filter(r -> r.startsWith("Observation/")).forEach(mine::add);
        return mine.size();
    }
}
