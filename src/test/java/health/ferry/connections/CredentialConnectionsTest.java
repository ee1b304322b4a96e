package health.ferry.connections;

import static health.ferry.Tokens.as;
import static health.ferry.connections.Sandbox.connect;
import static health.ferry.connections.Sandbox.settled;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every credential path of the taxonomy, end to end through the API against the sandbox portal. */
@QuarkusTest
class CredentialConnectionsTest {
    @ParameterizedTest(name = "{0}/{1} -> {2} {3}")
    @CsvSource(nullValues = "-", value = {
        "demo,      demo,  connected,       -",
        "empty,     demo,  connected,       -",
        "flaky,     demo,  connected,       -",
        "demo,      wrong, action_required, credential_error",
        "twofactor, demo,  action_required, two_factor_required",
        "family,    demo,  action_required, multiple_profiles",
        "terms,     demo,  action_required, terms_acceptance_required",
        "expired,   demo,  action_required, password_change_required",
        "locked,    demo,  action_required, account_locked",
    })
    void eachSandboxAccountEndsInItsState(String username, String password, String status, String code) {
        String person = Sandbox.ward("erin", "Case " + username, "2010-01-01");
        String id = connect("erin", person, username, password);
        JsonPath c = settled("erin", id);
        assertEquals(status, c.getString("status"));
        assertEquals(code, c.getString("failure.code"));
        if (code != null) {
            String message = c.getString("failure.message");
            String remedy = c.getString("failure.remedy");
            assertFalse(message.isBlank() || remedy.isBlank());
            assertFalse((message + remedy).matches("(?is).*(exception|http|oauth|invalid_|[45]0[0-9]).*"),
                    "no technical text reaches a participant: " + message + " / " + remedy);
        }
    }

    @Test
    void wrongPasswordIsFixedByUpdatingTheSignInDetails() {
        String person = Sandbox.ward("erin", "CredentialConnections Person 1", "2008-08-08");
        String id = connect("erin", person, "demo", "wrong");
        assertEquals("credential_error", settled("erin", id).getString("failure.code"));
        as("erin").contentType(ContentType.JSON).body(Map.of("username", "demo", "password", "demo"))
                .put("/api/v1/connections/" + id + "/credentials").then().statusCode(202);
        assertEquals("connected", settled("erin", id).getString("status"));
    }

    @Test
    void twoFactorAsksAgainForAWrongCodeAndConnectsWithTheRightOne() {
        String id = connect("erin", Sandbox.ward("erin", "Two Factor", "2011-01-01"), "twofactor", "demo");
        assertEquals("two_factor_required", settled("erin", id).getString("failure.code"));
        as("erin").contentType(ContentType.JSON).body(Map.of("code", "000000"))
                .post("/api/v1/connections/" + id + "/second-factor").then().statusCode(202);
        assertEquals("two_factor_required", settled("erin", id).getString("failure.code"));
        as("erin").contentType(ContentType.JSON).body(Map.of("code", "123456"))
                .post("/api/v1/connections/" + id + "/second-factor").then().statusCode(202);
        assertEquals("connected", settled("erin", id).getString("status"));
    }

    @Test
    void familyAccountsSuggestTheMatchingProfileAndConnectTheChosenOne() {
        String sam = Sandbox.ward("erin", "Sam Carter", "2014-05-02");
        String id = connect("erin", sam, "family", "demo");
        JsonPath c = settled("erin", id);
        assertEquals("multiple_profiles", c.getString("failure.code"));
        List<Map<String, Object>> profiles = c.getList("profiles");
        assertEquals(2, profiles.size());
        Map<String, Object> suggested = profiles.stream().filter(p -> Boolean.TRUE.equals(p.get("suggested")))
                .findFirst().orElseThrow();
        assertEquals("Sam Carter", suggested.get("name"));
        assertEquals(1, profiles.stream().filter(p -> Boolean.TRUE.equals(p.get("suggested"))).count());
        // Never guessed silently: still waiting for the participant.
        assertEquals("action_required", c.getString("status"));
        as("erin").contentType(ContentType.JSON).body(Map.of("profileId", "not-a-profile"))
                .post("/api/v1/connections/" + id + "/profile").then().statusCode(400)
                .body("code", equalTo("validation_failed"));
        as("erin").contentType(ContentType.JSON).body(Map.of("profileId", suggested.get("id")))
                .post("/api/v1/connections/" + id + "/profile").then().statusCode(202);
        assertEquals("connected", settled("erin", id).getString("status"));
    }

    @Test
    void termsAreAcceptedAtThePortalThenCheckedAgain() {
        String id = connect("erin", Sandbox.ward("erin", "Terms Case", "2012-02-02"), "terms", "demo");
        JsonPath c = settled("erin", id);
        String termsPage = c.getString("portalActionUrl");
        assertNotNull(termsPage, "the portal's terms page is offered");
        SandboxPortal.acceptTerms(termsPage);
        as("erin").contentType(ContentType.JSON).post("/api/v1/connections/" + id + "/recheck").then().statusCode(202);
        assertEquals("connected", settled("erin", id).getString("status"));
    }

    /** By jude, whom no other test signs in as: the cool-down holds the account's "demo" sign-in for 15 minutes. */
    @Test
    void fiveFailuresCoolDownTheConnectionWithoutAskingThePortal() {
        String person = Sandbox.ward("jude", "Cool Down", "2013-03-03");
        String id = connect("jude", person, "demo", "wrong");
        settled("jude", id);
        for (int i = 0; i < 4; i++) {
            as("jude").contentType(ContentType.JSON).body(Map.of("username", "demo", "password", "wrong" + i))
                    .put("/api/v1/connections/" + id + "/credentials").then().statusCode(202);
            assertEquals("credential_error", settled("jude", id).getString("failure.code"));
        }
        as("jude").contentType(ContentType.JSON).body(Map.of("username", "demo", "password", "demo"))
                .put("/api/v1/connections/" + id + "/credentials").then().statusCode(202);
        assertEquals("too_many_attempts", settled("jude", id).getString("failure.code"));
    }

    @Test
    void invalidRequestsAreClearProblems() {
        String person = Sandbox.ward("erin", "CredentialConnections Person 2", "2008-08-08");
        as("erin").contentType(ContentType.JSON).body(Map.of("portalId", "nope")).post("/api/v1/people/" + person
                + "/connections").then().statusCode(400).body("errors[0].field", equalTo("portalId"));
        as("erin").contentType(ContentType.JSON).body(Map.of("portalId", Sandbox.portalId("erin", Sandbox.GENERAL)))
                .post("/api/v1/people/" + person + "/connections").then().statusCode(400)
                .body("code", equalTo("validation_failed"));
    }

    @Test
    void someoneElsesConnectionIsNotFound() {
        String id = connect("erin", Sandbox.ward("erin", "Not Bobs Case", "2009-01-01"), "empty", "demo");
        as("bob").get("/api/v1/connections/" + id).then().statusCode(404);
        as("bob").contentType(ContentType.JSON).post("/api/v1/connections/" + id + "/recheck").then().statusCode(404);
        as("bob").delete("/api/v1/connections/" + id).then().statusCode(404);
        as("casey").get("/api/v1/connections/" + id).then().statusCode(404);
        as("erin").get("/api/v1/connections/" + id).then().statusCode(200);
    }

    @Test
    void disconnectingPurgesTheSecretsAndKeepsTheConnectionRecord() {
        String id = connect("erin", Sandbox.ward("erin", "Disconnect Case", "2009-09-09"), "demo", "demo");
        assertEquals("connected", settled("erin", id).getString("status"));
        assertTrue(SecretRows.count(id) > 0);
        as("erin").delete("/api/v1/connections/" + id).then().statusCode(204);
        as("erin").get("/api/v1/connections/" + id).then().statusCode(200).body("status", equalTo("disconnected"));
        assertEquals(0, SecretRows.count(id));
        assertNull(as("erin").get("/api/v1/connections/" + id).then().extract().path("failure"));
    }
}
