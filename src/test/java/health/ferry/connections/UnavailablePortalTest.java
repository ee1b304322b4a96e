package health.ferry.connections;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A portal that does not answer is retried, then reported as portal_unavailable (status failed), never blamed on
 * the participant; where the study allows it, the page offers Supporting Documents instead.
 */
@QuarkusTest
class UnavailablePortalTest {
    @Test
    void aPortalThatNeverAnswersEndsFailedWithAPlainExplanationAndAnAlternative() {
        String portal = as("erin").contentType(ContentType.JSON)
                .body(Map.of("website", "https://down.portal.example/mychart/login?" + UUID.randomUUID()))
                .post("/api/v1/portals/requests").then().extract().path("portalId");
        as("admin").contentType(ContentType.JSON).body(Map.of("supportStatus", "supported"))
                .post("/api/v1/admin/portals/" + portal + "/support-status").then().statusCode(200);
        String person = Sandbox.ward("erin", "Down Portal Kid", "2012-12-01");
        as("erin").contentType(ContentType.JSON).body(Map.of("personId", person, "consentVersion", "2026-03"))
                .post("/api/v1/studies/heart-rhythm-outcomes/enrollments").then().statusCode(201);
        String id = as("erin").contentType(ContentType.JSON)
                .body(Map.of("portalId", portal, "username", "someone", "password", "secret"))
                .post("/api/v1/people/" + person + "/connections").then().statusCode(201).extract().path("id");
        JsonPath c = Sandbox.settled("erin", id);
        assertEquals("failed", c.getString("status"));
        assertEquals("portal_unavailable", c.getString("failure.code"));
        assertFalse(c.getString("failure.message").matches("(?i).*(refused|exception|127\\.0\\.0\\.1).*"));
        as("erin").get("/connections/" + id).then().statusCode(200)
                .body(containsString("This is not something you did"))
                .body(containsString("Try again"))
                .body(containsString("Upload records instead (Supporting Documents)"));
    }
}
