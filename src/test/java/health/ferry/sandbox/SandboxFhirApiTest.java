package health.ferry.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox's FHIR read API: capabilities, bearer enforcement, every category of records, search and paging. */
@QuarkusTest
class SandboxFhirApiTest {
    static final String FHIR = "/sandbox/fhir";

    @Inject
    SandboxState state;

    @BeforeEach
    void cleanPortal() {
        state.reset();
    }

    static RequestSpecification as(String username) {
        return given().auth().oauth2(session(username));
    }

    static String session(String username) {
        return SandboxSessionApiTest.signIn(username, "demo").statusCode(201).extract().path("sessionToken");
    }

    @Test
    void capabilitiesArePublicFhirJson() {
        given().get(FHIR + "/metadata").then().statusCode(200).contentType(startsWith("application/fhir+json"))
                .body("resourceType", equalTo("CapabilityStatement")).body("fhirVersion", equalTo("4.0.1"))
                .body("rest[0].security.extension[0].extension.url", hasItem("authorize"))
                .body("rest[0].resource.type", hasItem("DocumentReference"));
    }

    @Test
    void recordsNeedAValidBearerToken() {
        given().get(FHIR + "/Patient/sbx-demo").then().statusCode(401)
                .contentType(startsWith("application/fhir+json")).body("resourceType", equalTo("OperationOutcome"))
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2("not-a-token").get(FHIR + "/Observation?patient=sbx-demo").then().statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("issue[0].code", equalTo("login"));
        // Ferry's own access tokens mean nothing to the sandbox.
        given().auth().oauth2(health.ferry.Tokens.of("alice")).get(FHIR + "/Patient/sbx-demo").then().statusCode(401);
    }

    @Test
    void aTokenReadsOnlyItsOwnPatient() {
        as("demo").get(FHIR + "/Patient/sbx-demo").then().statusCode(200).body("name[0].family", equalTo("Rivers"))
                .body("meta.versionId", equalTo("1"));
        as("demo").get(FHIR + "/Patient/sbx-alice-carter").then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"));
        as("demo").get(FHIR + "/Condition?patient=sbx-alice-carter").then().statusCode(403);
        as("demo").get(FHIR + "/Condition").then().statusCode(400);
        as("demo").get(FHIR + "/Medication?patient=sbx-demo").then().statusCode(404);
        as("demo").get(FHIR + "/Observation/no-such-id").then().statusCode(404);
    }

    @Test
    void demoHasRecordsInEveryCategoryWithRealCodes() {
        for (String type : FhirReads.TYPES) {
            as("demo").get(FHIR + "/" + type + "?patient=sbx-demo&_count=1").then().statusCode(200)
                    .body("resourceType", equalTo("Bundle")).body("type", equalTo("searchset"))
                    .body("total", greaterThan(0)).body("entry[0].resource.resourceType", equalTo(type))
                    .body("entry[0].resource.meta", hasKey("lastUpdated"));
        }
        as("demo").get(FHIR + "/Condition?patient=sbx-demo&_count=200").then()
                .body("entry.resource.code.coding.display.flatten()", hasItem("Asthma"));
        as("demo").get(FHIR + "/MedicationRequest?patient=sbx-demo&_count=200").then()
                .body("entry.resource.medicationCodeableConcept.coding.code.flatten()", hasItem("745679"));
        as("demo").get(FHIR + "/Observation?patient=sbx-demo&_count=200").then()
                .body("entry.resource.code.coding.code.flatten()", hasItem("85354-9"));
        as("demo").get(FHIR + "/Immunization?patient=sbx-demo&_count=200").then()
                .body("entry.resource.vaccineCode.coding.code.flatten()", hasItem("140"));
    }

    @Test
    void observationsAreLabsOrVitalSigns() {
        int all = as("demo").get(FHIR + "/Observation?patient=sbx-demo").then().extract().path("total");
        int labs = as("demo").get(FHIR + "/Observation?patient=sbx-demo&category=laboratory&_count=200").then()
                .body("entry.resource.category[0].coding[0].code", everyItem(equalTo("laboratory")))
                .body("entry.resource.code.coding.code.flatten()", hasItem("4548-4")).extract().path("total");
        int vitals = as("demo").get(FHIR + "/Observation?patient=sbx-demo&category="
                + "http://terminology.hl7.org/CodeSystem/observation-category|vital-signs").then()
                .extract().path("total");
        assertTrue(labs > 0 && vitals > 0);
        assertEquals(all, labs + vitals);
    }

    @Test
    void pagesFollowNextLinksOnTheSameOrigin() {
        String token = session("demo");
        JsonPath page = given().auth().oauth2(token).get(FHIR + "/Observation?patient=sbx-demo&_count=25").then()
                .statusCode(200)
                .extract().jsonPath();
        int total = page.getInt("total");
        List<String> ids = new ArrayList<>();
        while (true) {
            ids.addAll(page.getList("entry.resource.id"));
            List<String> next = page.getList("link.findAll { it.relation == 'next' }.url");
            if (next.isEmpty()) {
                break;
            }
            assertTrue(next.get(0).startsWith(SmartClient.FHIR_BASE + "/Observation?"), next.get(0));
            page = given().urlEncodingEnabled(false).auth().oauth2(token).get(next.get(0)).then().statusCode(200)
                    .extract().jsonPath();
        }
        assertTrue(total > 100, "five years of observations");
        assertEquals(total, ids.size());
        assertEquals(total, new HashSet<>(ids).size());
    }

    @Test
    void lastUpdatedFiltersIncrementally() {
        String since = "2024-06-01T00:00:00Z";
        JsonPath newer = as("demo").get(FHIR + "/Encounter?patient=sbx-demo&_count=200&_lastUpdated=gt" + since)
                .then().statusCode(200).extract().jsonPath();
        int all = as("demo").get(FHIR + "/Encounter?patient=sbx-demo").then().extract().path("total");
        assertTrue(newer.getInt("total") > 0 && newer.getInt("total") < all);
        newer.getList("entry.resource.meta.lastUpdated", String.class)
                .forEach(t -> assertTrue(Instant.parse(t.replace("+00:00", "Z")).isAfter(Instant.parse(since)), t));
        as("demo").get(FHIR + "/Encounter?patient=sbx-demo&_lastUpdated=gt2099-01-01").then().body("total",
                equalTo(0)).body("$", not(hasKey("entry")));
        as("demo").get(FHIR + "/Encounter?patient=sbx-demo&_lastUpdated=yesterday").then().statusCode(400)
                .body("issue[0].code", equalTo("invalid"));
        as("demo").get(FHIR + "/Encounter?patient=sbx-demo&_count=0").then().statusCode(400);
    }

    @Test
    void documentsPointAtTheirBinaryContent() {
        String token = session("demo");
        String url = given().auth().oauth2(token).get(FHIR + "/DocumentReference?patient=sbx-demo&_count=1").then()
                .statusCode(200)
                .body("entry[0].resource.content[0].attachment.contentType", equalTo("text/plain"))
                .extract().path("entry[0].resource.content[0].attachment.url");
        assertTrue(url.startsWith(SmartClient.FHIR_BASE + "/Binary/"), url);
        given().auth().oauth2(token).get(url).then().statusCode(200).contentType(startsWith("text/plain"))
                .body(containsString("synthetic test data"));
        given().auth().oauth2(token).accept("application/fhir+json").get(url).then().statusCode(200)
                .body("resourceType", equalTo("Binary")).body("contentType", equalTo("text/plain"));
        given().get(url).then().statusCode(401);
    }

    @Test
    void readsByIdWhatSearchFound() {
        String id = as("demo").get(FHIR + "/DiagnosticReport?patient=sbx-demo&_count=1").then()
                .extract().path("entry[0].resource.id");
        as("demo").get(FHIR + "/DiagnosticReport/" + id).then().statusCode(200).body("id", equalTo(id))
                .body("result.size()", greaterThan(0));
    }

    @Test
    void emptyHasOnlyThePatient() {
        for (String type : FhirReads.TYPES) {
            as("empty").get(FHIR + "/" + type + "?patient=sbx-empty").then().statusCode(200)
                    .body("total", equalTo("Patient".equals(type) ? 1 : 0));
        }
    }

    @Test
    void theSandboxIsNotInFerrysApiDocument() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", everyItem(not(startsWith("/sandbox"))));
    }

    @Test
    void portalPagesNeedNoFerrySignIn() {
        given().redirects().follow(false).get("/sandbox").then().statusCode(200)
                .body(containsString("Sandbox Health System")).body(containsString("shortlived"));
        given().get("/sandbox/assets/sandbox.css").then().statusCode(200).contentType(startsWith("text/css"));
        given().get("/sandbox/password").then().statusCode(200);
        given().get("/sandbox/terms?ticket=nope").then().statusCode(400);
    }
}
