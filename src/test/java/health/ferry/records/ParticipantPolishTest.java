package health.ferry.records;

import static health.ferry.Tokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.PageSession;
import health.ferry.connections.SandboxConnections;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Participant pages: saved settings say so, permanent actions are confirmed first, statuses have icons. */
@QuarkusTest
class ParticipantPolishTest {
    @Test
    void savingSettingsSaysSaved() {
        PageSession page = PageSession.open("erin", "/records/settings");
        page.form(Map.of("category", List.of("conditions"))).post("/records/settings").then().statusCode(303)
                .header("Location", endsWith("/records/settings?saved=true"));
        as("erin").get("/records/settings?saved=true").then().statusCode(200)
                .body(containsString("data-saved")).body(containsString("Saved."));
        String plain = as("erin").get("/records/settings").then().statusCode(200).extract().asString();
        assertTrue(!plain.contains("data-saved"), "only after saving");
    }

    @Test
    void disconnectingIsConfirmedFirstAndTheLinkBackGoesToConnections() {
        // A ward of her own, so that other tests' connections of Alice's are left alone.
        String person = as("alice").contentType(io.restassured.http.ContentType.JSON).body(Map.of("displayName",
                "Polish Pat", "birthDate", "2013-02-01", "relationship", "child", "authorityAttested", true))
                .post("/api/v1/people").then().statusCode(201).extract().path("id");
        String connection = SandboxConnections.failed("alice", person, "locked");
        String html = as("alice").cookie("ferry_acting", person).get("/connections/" + connection).then()
                .statusCode(200)
                .body(containsString("<a href=\"/connections\">Back to connections</a>")).extract().asString();
        int confirm = html.indexOf("data-confirm=\"disconnect\"");
        int form = html.indexOf("action=\"/connections/" + connection + "/disconnect\"");
        assertTrue(confirm > 0 && form > confirm, "the disconnect form is behind a confirmation step");
        assertTrue(html.substring(form).contains("class=\"danger\""), "the disconnect button looks dangerous");
    }

    @Test
    void statusesSecondaryButtonsAndPasswordsAreStyled() {
        String css = given().get("/static/ferry.css").then().statusCode(200).extract().asString();
        assertTrue(css.contains("a.button.secondary"), "a secondary link-button renders secondary");
        assertTrue(css.contains("input[type=password]"), "password inputs look like text inputs");
        for (String status : new String[] {"connected", "action_required", "failed"}) {
            assertTrue(css.contains("p.status-" + status + "::before"), status + " has an icon");
        }
    }
}
