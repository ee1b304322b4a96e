package health.ferry.studies;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Studies, enrolment with consent, withdrawal and coordinators' studies through the JSON API. */
@QuarkusTest
class StudiesApiTest {
    static final String HEART = "heart-rhythm-outcomes";
    static final String ASTHMA = "childhood-asthma-registry";

    static String ward(String owner, String name) {
        return as(owner).contentType(ContentType.JSON).body(Map.of("displayName", name, "birthDate", "2015-03-04",
                "relationship", "child", "authorityAttested", true)).post("/api/v1/people").then().statusCode(201)
                .extract().path("id");
    }

    static io.restassured.response.Response enrol(String user, String study, String person, String version) {
        return as(user).contentType(ContentType.JSON).body(Map.of("personId", person, "consentVersion", version))
                .post("/api/v1/studies/" + study + "/enrollments");
    }

    @Test
    void studiesAreListedAsInTheContract() {
        as("frank").get("/api/v1/studies").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", hasItems(HEART, ASTHMA))
                .body("items.find { it.id == 'heart-rhythm-outcomes' }.supportingDocuments.enabled", equalTo(true))
                .body("items.find { it.id == 'heart-rhythm-outcomes' }.supportingDocuments.prerequisite",
                        equalTo("I tried to connect my patient portal and could not."))
                .body("items.find { it.id == 'childhood-asthma-registry' }.supportingDocuments.enabled",
                        equalTo(false))
                .body("items.find { it.id == 'childhood-asthma-registry' }.portalConnections", equalTo(true))
                .body("items.find { it.id == 'childhood-asthma-registry' }.consentVersion", equalTo("1.2"));
    }

    @Test
    void aWardIsEnrolledWithConsentThenWithdrawnAndReEnrolled() {
        String ward = ward("frank", "Pat Frank");
        String id = enrol("frank", ASTHMA, ward, "1.2").then().statusCode(201)
                .body("studyId", equalTo(ASTHMA)).body("personId", equalTo(ward))
                .body("consentVersion", equalTo("1.2")).body("enrolledAt", notNullValue())
                .extract().path("id");
        as("frank").get("/api/v1/people/" + ward + "/enrollments").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(id)).body("items[0].status",
                        equalTo("active"));
        enrol("frank", ASTHMA, ward, "1.2").then().statusCode(409).body("code", equalTo("already_enrolled"));

        as("frank").delete("/api/v1/people/" + ward + "/enrollments/" + id).then().statusCode(204);
        as("frank").get("/api/v1/people/" + ward + "/enrollments").then()
                .body("items[0].status", equalTo("withdrawn")).body("items[0].withdrawnAt", notNullValue());
        enrol("frank", ASTHMA, ward, "1.2").then().statusCode(201).body("id", equalTo(id));
    }

    @Test
    void consentMustBeTheCurrentVersion() {
        String self = as("frank").get("/api/v1/me").then().extract().path("people[0].id");
        enrol("frank", HEART, self, "2019-01").then().statusCode(409).body("code", equalTo("consent_version_mismatch"));
        as("frank").contentType(ContentType.JSON).body(Map.of("personId", self))
                .post("/api/v1/studies/" + HEART + "/enrollments").then().statusCode(400)
                .body("code", equalTo("validation_failed")).body("errors[0].field", equalTo("consentVersion"));
    }

    @Test
    void unknownStudiesAndOtherPeoplesWardsAreNotFound() {
        String ward = ward("frank", "Lee Frank");
        enrol("frank", "no-such-study", ward, "1").then().statusCode(404);
        enrol("bob", ASTHMA, ward, "1.2").then().statusCode(404).body("code", equalTo("not_found"));
        as("bob").get("/api/v1/people/" + ward + "/enrollments").then().statusCode(404);
        String id = enrol("frank", ASTHMA, ward, "1.2").then().statusCode(201).extract().path("id");
        as("bob").delete("/api/v1/people/" + ward + "/enrollments/" + id).then().statusCode(404);
        String bobSelf = as("bob").get("/api/v1/me").then().extract().path("people[0].id");
        // Someone else's enrolment id under one's own person is not found either.
        as("bob").delete("/api/v1/people/" + bobSelf + "/enrollments/" + id).then().statusCode(404);
        as("frank").get("/api/v1/people/" + ward + "/enrollments").then().body("items[0].status", equalTo("active"));
    }

    @Test
    void aCoordinatorCannotEnrolOrActForAParticipantsWard() {
        String ward = ward("frank", "Kim Frank");
        enrol("casey", HEART, ward, "2026-03").then().statusCode(404);
    }

    @Test
    void aWardWithAnActiveEnrolmentCannotBeRemovedUntilWithdrawn() {
        String ward = ward("frank", "Jo Frank");
        String id = enrol("frank", ASTHMA, ward, "1.2").then().extract().path("id");
        as("frank").delete("/api/v1/people/" + ward).then().statusCode(409).body("code", equalTo("person_has_enrolments"));
        as("frank").delete("/api/v1/people/" + ward + "/enrollments/" + id).then().statusCode(204);
        as("frank").delete("/api/v1/people/" + ward).then().statusCode(204);
    }

    @Test
    void coordinatorsSeeOnlyTheStudiesTheyCoordinate() {
        as("casey").get("/api/v1/coordinator/studies").then().statusCode(200)
                .body("items.id", hasItem(HEART)).body("items.id", not(hasItem(ASTHMA)));
        as("dana").get("/api/v1/coordinator/studies").then().statusCode(200)
                .body("items.id", hasItem(ASTHMA)).body("items.id", not(hasItem(HEART)));
        as("gail").get("/api/v1/coordinator/studies").then().statusCode(200).body("total", equalTo(0));
        as("frank").get("/api/v1/coordinator/studies").then().statusCode(404);
    }
}
