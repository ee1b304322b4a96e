package health.ferry.connections;

import static health.ferry.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, item 6: a sync reads the granted Patient and stores it as a record of its own, category demographics,
 * for the participant to review like any record; a portal that will not show it costs the sync nothing.
 */
@QuarkusTest
class SyncedPatientTest extends StrictPortalTest {
    @Test
    void thePortalsPatientIsARecordOfCategoryDemographics() {
        String id = portal.connected();
        server.patientName = "Robin Strict"; // read from now on (connecting compared no name)
        server.patientBirthDate = "2012-03-04";
        sync(id);
        String person = as(PARTICIPANT).get("/api/v1/connections/" + id).then().extract().path("personId");
        JsonPath records = as(PARTICIPANT).get("/api/v1/people/" + person + "/records?state=pending&category="
                + "demographics").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Patient"), records.getList("items.resourceType"));
        assertEquals("Robin Strict", records.getString("items[0].display"));
        assertEquals(Map.of("kind", "connection", "id", id), records.getMap("items[0].source"));
        as(PARTICIPANT).get("/api/v1/people/" + person + "/settings").then().statusCode(200)
                .body("categories.demographics", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void aPortalThatDoesNotShowThePatientStillSyncs() {
        String id = portal.connected(); // the server answers 404 for its Patient
        sync(id);
        assertEquals("no_new_records", as(PARTICIPANT).get("/api/v1/connections/" + id).then().extract()
                .path("lastSync.outcome"));
    }

    private static void sync(String id) {
        as(PARTICIPANT).post("/api/v1/connections/" + id + "/sync").then().statusCode(202);
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (as(PARTICIPANT).get("/api/v1/connections/" + id).then().extract().path("lastSync.finishedAt") != null) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        fail("the sync of " + id + " did not finish");
    }
}
