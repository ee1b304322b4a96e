package health.ferry.connections;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "Who is this?" (issue 23, item 5): the Patient a SMART portal grants is compared with the person being connected
 * (name and birth date); a different person (a parent's own chart connected into a child's profile) stops the
 * connection and asks, as the family-account flow does: continue, or cancel. Through the API and the page.
 */
@QuarkusTest
@TestProfile(StrictSmartPatientCheckTest.PatientCheck.class)
class StrictSmartPatientCheckTest extends StrictPortalTest {
    /** The check is off in the suite's profile (its wards connect the sandbox's demo patients under any name). */
    public static class PatientCheck implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return health.ferry.OwnDatabase.with("ferry-patient-check",
                    Map.of("ferry.connections.smart.patient-check", "true"));
        }
    }

    private String[] returned(String person) {
        String[] started = portal.startFor(person);
        SmartConnectionsTest.returnToFerry(PARTICIPANT, StrictPortal.atPortal(started[1])).then().statusCode(303);
        return started;
    }

    @Test
    void anotherPersonsChartStopsAndAsksAndConnectsOnlyWhenConfirmed() {
        server.patientName = "Alice Carter"; // the parent's chart, into the child's profile
        server.patientBirthDate = "1984-02-11";
        String sam = Sandbox.ward(PARTICIPANT, "Sam Carter", "2014-05-02");
        String id = returned(sam)[0];
        as(PARTICIPANT).get("/api/v1/connections/" + id).then().body("status", equalTo("action_required"))
                .body("failure.code", equalTo("patient_mismatch"))
                .body("failure.message", equalTo("The records this portal shared are for someone else than the "
                        + "person you are connecting."))
                .body("profiles[0].id", equalTo("p-1")).body("profiles[0].name", equalTo("Alice Carter"))
                .body("profiles[0].birthDate", equalTo("1984-02-11")).body("profiles[0].suggested", equalTo(false));
        as(PARTICIPANT).cookie("ferry_acting", sam).get("/connections/" + id).then().statusCode(200)
                .body(containsString("The portal shared the records of Alice Carter, born 1984-02-11."))
                .body(containsString("Yes, connect these records to Sam Carter"))
                .body(containsString("No, cancel"))
                .body(containsString("action=\"/connections/" + id + "/profile\""))
                .body(containsString("action=\"/connections/" + id + "/disconnect\""));
        // nothing but the patient listed can be confirmed
        as(PARTICIPANT).contentType(ContentType.JSON).body(Map.of("profileId", "p-2"))
                .post("/api/v1/connections/" + id + "/profile").then().statusCode(400);
        as(PARTICIPANT).contentType(ContentType.JSON).body(Map.of("profileId", "p-1"))
                .post("/api/v1/connections/" + id + "/profile").then().statusCode(202);
        as(PARTICIPANT).get("/api/v1/connections/" + id).then().body("status", equalTo("connected"))
                .body("failure", nullValue()).body("accessExpiresAt", notNullValue());
    }

    @Test
    void cancellingDisconnectsAndKeepsNothing() {
        server.patientName = "Alice Carter";
        server.patientBirthDate = "1984-02-11";
        String id = returned(Sandbox.ward(PARTICIPANT, "Sam Carter", "2014-05-02"))[0];
        as(PARTICIPANT).get("/api/v1/connections/" + id).then().body("failure.code", equalTo("patient_mismatch"));
        as(PARTICIPANT).delete("/api/v1/connections/" + id + "?pendingRecords=delete").then().statusCode(204);
        as(PARTICIPANT).get("/api/v1/connections/" + id).then().body("status", equalTo("disconnected"))
                .body("failure", nullValue());
        // nothing is waiting for a confirmation any more
        as(PARTICIPANT).contentType(ContentType.JSON).body(Map.of("profileId", "p-1"))
                .post("/api/v1/connections/" + id + "/profile").then().statusCode(409);
    }

    @Test
    void thePersonThemselvesConnectsWithoutAQuestion() {
        server.patientName = "Robin A. Strictly"; // a middle initial more, same birth date
        server.patientBirthDate = "2012-03-04";
        String id = returned(Sandbox.ward(PARTICIPANT, "Robin Strictly", "2012-03-04"))[0];
        as(PARTICIPANT).get("/api/v1/connections/" + id).then().body("status", equalTo("connected"));
    }

    @Test
    void aPortalThatDoesNotShowThePatientStillConnects() {
        server.patientName = null; // 404: the check is not possible, connecting goes on
        String id = returned(Sandbox.ward(PARTICIPANT, "Robin Strictly", "2012-03-04"))[0];
        as(PARTICIPANT).get("/api/v1/connections/" + id).then().body("status", equalTo("connected"));
    }
}
