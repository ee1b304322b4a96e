package health.ferry.connections;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import health.ferry.PageSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A working connection is never put at risk by a new attempt: connecting the same portal again is refused as
 * "already connected" (search results and the wizard say so and offer Sync now / Update sign-in details), and new
 * sign-in details are tried before they replace the old ones, so a mistyped password leaves it Connected.
 */
@QuarkusTest
class WorkingConnectionTest {
    @Test
    void connectingAConnectedPortalAgainIsRefusedAndLeavesItConnected() {
        String person = Sandbox.ward("erin", "Working Kid", "2012-02-02");
        String id = SandboxConnections.connected("erin", person, "demo");
        String portal = Sandbox.portalId("erin", Sandbox.GENERAL);
        as("erin").contentType("application/json")
                .body(Map.of("portalId", portal, "username", "demo", "password", "wrong"))
                .post("/api/v1/people/" + person + "/connections").then().statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("already_connected")).body("connectionId", equalTo(id));
        as("erin").get("/api/v1/connections/" + id).then().body("status", equalTo("connected"))
                .body("failure", nullValue());

        // The wizard: the search result and the connect page say so, and the form post changes nothing either.
        as("erin").cookie("ferry_acting", person).get("/connections/new?by=organization&q=Sandbox+General").then().statusCode(200)
                .body(containsString("data-testid=\"already-connected\""))
                .body(containsString("href=\"/connections/" + id + "\""));
        as("erin").cookie("ferry_acting", person).get("/connections/new/" + portal).then().statusCode(200)
                .body(containsString("Already connected"))
                .body(containsString("action=\"/connections/" + id + "/sync\""))
                .body(containsString("/connections/" + id + "#update-sign-in"))
                .body(not(containsString("name=\"password\"")));
        PageSession.open("erin", "/connections/new/" + portal)
                .form(Map.of("portalId", portal, "username", "demo", "password", "wrong"))
                .cookie("ferry_acting", person).post("/connections").then().statusCode(409).body(containsString("already connected"));
        Sandbox.settled("erin", id);
        as("erin").get("/api/v1/connections/" + id).then().body("status", equalTo("connected"));
    }

    @Test
    void wrongNewSignInDetailsAreRefusedWhileTheConnectionKeepsWorking() {
        String person = Sandbox.ward("erin", "Update Kid", "2011-03-03");
        String id = SandboxConnections.connected("erin", person, "demo");
        as("erin").contentType("application/json").body(Map.of("username", "demo", "password", "wrong"))
                .put("/api/v1/connections/" + id + "/credentials").then().statusCode(202)
                .body("status", equalTo("connected")).body("signInUpdate.state", equalTo("checking"));
        JsonPath refused = awaitUpdate(id);
        assertEquals("connected", refused.getString("status"));
        assertEquals("refused", refused.getString("signInUpdate.state"));
        assertEquals("credential_error", refused.getString("signInUpdate.failure.code"));
        as("erin").get("/connections/" + id).then()
                .body(containsString("data-testid=\"update-refused\""))
                .body(containsString("Your new sign-in details were not saved"));

        // The old details still work: a sync runs, and the right new details are then taken.
        as("erin").post("/api/v1/connections/" + id + "/sync").then().statusCode(202);
        as("erin").contentType("application/json").body(Map.of("username", "demo", "password", "demo"))
                .put("/api/v1/connections/" + id + "/credentials").then().statusCode(202);
        JsonPath accepted = awaitUpdate(id);
        assertEquals("connected", accepted.getString("status"));
        assertEquals(null, accepted.getString("signInUpdate"));
    }

    @Test
    void aConnectionThatNeedsAttentionTakesNewDetailsDirectly() {
        String person = Sandbox.ward("erin", "Fix Kid", "2010-04-04");
        String id = Sandbox.connect("erin", person, "demo", "wrong");
        assertEquals("credential_error", Sandbox.settled("erin", id).getString("failure.code"));
        as("erin").contentType("application/json").body(Map.of("username", "demo", "password", "demo"))
                .put("/api/v1/connections/" + id + "/credentials").then().statusCode(202)
                .body("status", equalTo("validating"));
        assertEquals("connected", Sandbox.settled("erin", id).getString("status"));
    }

    private static JsonPath awaitUpdate(String id) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath c = as("erin").get("/api/v1/connections/" + id).jsonPath();
            if (!"checking".equals(c.getString("signInUpdate.state"))) {
                return c;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("the new sign-in details were not answered within 30 s");
    }
}
