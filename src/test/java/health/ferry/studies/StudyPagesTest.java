package health.ferry.studies;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import health.ferry.PageSession;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Browsing studies, reading consent, enrolling and withdrawing through the pages; the coordinator's list. */
@QuarkusTest
class StudyPagesTest {
    @Test
    void studiesAreListedWithTheirSummaries() {
        as("frank").get("/studies").then().statusCode(200)
                .body(containsString("Heart Rhythm Outcomes Study"))
                .body(containsString("Childhood Asthma Registry"))
                .body(containsString("href=\"/studies/heart-rhythm-outcomes\""));
    }

    @Test
    void aStudyPageShowsWhatItAsksAndItsConsent() {
        as("frank").get("/studies/heart-rhythm-outcomes").then().statusCode(200)
                .body(containsString("Consent (version 2026-03)"))
                .body(containsString("Accepts uploaded records when a portal cannot be connected"))
                .body(containsString("Lab results"))
                .body(containsString("name=\"consentVersion\" value=\"2026-03\""));
        as("frank").get("/studies/childhood-asthma-registry").then().statusCode(200)
                .body(not(containsString("Accepts uploaded records")));
        as("frank").get("/studies/no-such-study").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("<h1>Not found</h1>"));
    }

    @Test
    void enrollingNeedsTheConsentBoxThenEnrolsAndCanWithdraw() {
        String self = as("frank").get("/api/v1/me").then().extract().path("people[0].id");
        PageSession page = PageSession.open("frank", "/studies/heart-rhythm-outcomes");
        page.form(Map.of("personId", self, "consentVersion", "2026-03")).post("/studies/heart-rhythm-outcomes/enrol")
                .then().statusCode(400).body(containsString("Tick the box"));
        page.form(Map.of("personId", self, "consentVersion", "2026-03", "agree", "on"))
                .post("/studies/heart-rhythm-outcomes/enrol").then().statusCode(303);
        String enrolmentId = as("frank").get("/api/v1/people/" + self + "/enrollments").then()
                .body("items.find { it.studyId == 'heart-rhythm-outcomes' }.status", equalTo("active"))
                .extract().path("items.find { it.studyId == 'heart-rhythm-outcomes' }.id");
        as("frank").get("/studies/heart-rhythm-outcomes").then().body(containsString("is enrolled in this study"));
        as("frank").get("/home").then().body(containsString("href=\"/studies/heart-rhythm-outcomes\""));
        PageSession.open("frank", "/studies/heart-rhythm-outcomes")
                .form(Map.of("personId", self, "enrolmentId", enrolmentId))
                .post("/studies/heart-rhythm-outcomes/withdraw").then().statusCode(303);
        as("frank").get("/studies/heart-rhythm-outcomes").then().body(containsString("withdrew from this study"));
    }

    @Test
    void theParticipantChoosesWhatToShareAtEnrolmentAndChangesItLater() {
        String ward = StudiesApiTest.ward("frank", "Sky Frank");
        String asthma = "/studies/childhood-asthma-registry";
        as("frank").cookie("ferry_acting", ward).get(asthma).then().statusCode(200)
                .body(containsString("What Sky Frank shares with this study"))
                .body(containsString("name=\"shared\" value=\"immunizations\" checked> Immunizations"))
                .body(containsString("name=\"shared\" value=\"vital_signs\" checked> Vital signs"))
                .body(not(containsString("value=\"lab_results\"")));
        PageSession page = PageSession.open("frank", asthma);
        Map<String, Object> nothing = Map.of("personId", ward, "consentVersion", "1.2", "agree", "on",
                "sharingChosen", "on");
        page.form(nothing).post(asthma + "/enrol").then().statusCode(400)
                .body(containsString("Choose at least one kind of record"));
        page.form(Map.of("personId", ward, "consentVersion", "1.2", "agree", "on", "sharingChosen", "on",
                "shared", java.util.List.of("conditions", "lab_results"))).post(asthma + "/enrol").then()
                .statusCode(400).body(containsString("does not ask for lab_results"));
        page.form(Map.of("personId", ward, "consentVersion", "1.2", "agree", "on", "sharingChosen", "on",
                "shared", java.util.List.of("conditions", "visits"))).post(asthma + "/enrol").then().statusCode(303);
        String enrolment = as("frank").get("/api/v1/people/" + ward + "/enrollments").then().statusCode(200)
                .body("items[0].sharedCategories", equalTo(java.util.List.of("conditions", "visits")))
                .extract().path("items[0].id");
        as("frank").cookie("ferry_acting", ward).get(asthma).then().statusCode(200)
                .body(containsString("value=\"conditions\" checked> Conditions"))
                .body(containsString("value=\"immunizations\"> Immunizations"))
                .body(containsString("Copies the study has already exported cannot be recalled"));

        page.form(Map.of("personId", ward, "enrolmentId", enrolment, "shared", "immunizations"))
                .post(asthma + "/sharing").then().statusCode(303);
        as("frank").get("/api/v1/people/" + ward + "/enrollments").then()
                .body("items[0].sharedCategories", equalTo(java.util.List.of("immunizations")));
        page.form(Map.of("personId", ward, "enrolmentId", enrolment)).post(asthma + "/sharing").then()
                .statusCode(303);
        as("frank").cookie("ferry_acting", ward).get(asthma).then()
                .body(containsString("Nothing is shared with the study at the moment."));
    }

    @Test
    void aStudyForChildrenIsOfferedForChildrenAndWardsOnly() {
        String self = as("bob").get("/api/v1/me").then().extract().path("people[0].id");
        String asthma = "/studies/childhood-asthma-registry";
        as("bob").get("/studies").then().statusCode(200).body(containsString("For children and wards"));
        as("bob").get(asthma).then().statusCode(200).body(containsString("data-testid=\"children-only\""))
                .body(containsString("you cannot enrol yourself")).body(not(containsString("action=\"" + asthma
                        + "/enrol\"")));
        as("bob").contentType("application/json").body(Map.of("personId", self, "consentVersion", "1.2"))
                .post("/api/v1" + asthma + "/enrollments").then().statusCode(400)
                .body("code", equalTo("validation_failed")).body("errors[0].field", equalTo("personId"));
        PageSession.open("bob", asthma).form(Map.of("personId", self, "consentVersion", "1.2", "agree", "on"))
                .post(asthma + "/enrol").then().statusCode(400).body(containsString("This study is for children"));
        as("bob").get("/api/v1/people/" + self + "/enrollments").then()
                .body("items.studyId", not(org.hamcrest.Matchers.hasItem("childhood-asthma-registry")));
        String child = health.ferry.connections.SandboxConnections.ward("bob", "Child Chloe", "2016-06-06");
        as("bob").cookie("ferry_acting", child).get(asthma).then().statusCode(200)
                .body(containsString("action=\"" + asthma + "/enrol\""))
                .body(not(containsString("data-testid=\"children-only\"")));
        // the adult study offers the account holder its form as before
        as("bob").get("/studies/heart-rhythm-outcomes").then().body(not(containsString("children-only")));
    }

    @Test
    void anOutdatedConsentVersionIsExplained() {
        String child = health.ferry.connections.SandboxConnections.ward("bob", "Outdated Olive", "2015-05-05");
        PageSession.open("bob", "/studies/childhood-asthma-registry")
                .form(Map.of("personId", child, "consentVersion", "1.0", "agree", "on"))
                .post("/studies/childhood-asthma-registry/enrol").then().statusCode(409)
                .body(containsString("The study&#39;s consent has changed"));
    }

    @Test
    void coordinatorsSeeTheirStudiesAndParticipantsDoNot() {
        as("casey").get("/coordinator").then().statusCode(200).body(containsString("Heart Rhythm Outcomes Study"))
                .body(not(containsString("Childhood Asthma Registry")));
        as("frank").get("/coordinator").then().statusCode(404);
    }
}
