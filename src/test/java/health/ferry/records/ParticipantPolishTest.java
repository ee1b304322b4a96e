package health.ferry.records;

import static health.ferry.Tokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.PageSession;
import jakarta.inject.Inject;
import java.util.UUID;
import health.ferry.connections.SandboxConnections;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Participant pages: saved settings say so, permanent actions are confirmed first, statuses have icons; records
 * review folds by category, badges each record's source and keeps its actions in a bar; every step that changed
 * nothing says so; the consent reads as paragraphs.
 */
@QuarkusTest
class ParticipantPolishTest {
    @Inject
    RecordStore store;

    private static String condition(String id, String text) {
        return "{\"resourceType\":\"Condition\",\"id\":\"" + id + "\",\"code\":{\"text\":\"" + text
                + "\"},\"recordedDate\":\"" + java.time.LocalDate.now() + "\"}";
    }

    private static String ward(String name) {
        return SandboxConnections.ward("erin", name, "2012-03-04");
    }

    @Test
    void reviewFoldsByCategoryBadgesEachSourceAndKeepsItsActionsInABar() {
        String person = ward("Badge Bea");
        String connection = SandboxConnections.connected("erin", person, "demo");
        String portal = as("erin").get("/api/v1/connections/" + connection).then().extract().path("portalName");
        store.upsert(UUID.fromString(person), RecordSource.connection(UUID.fromString(connection)),
                condition("badge1", "Badge asthma"));
        store.upsert(UUID.fromString(person), RecordSource.upload(UUID.randomUUID()), condition("badge2", "Badge rash"));
        String html = as("erin").cookie("ferry_acting", person).get("/records").then().statusCode(200)
                .extract().asString();
        String asthma = html.substring(html.indexOf("Badge asthma"));
        assertTrue(asthma.substring(0, asthma.indexOf("</li>")).contains("From: the portal of " + portal),
                "the record names its portal: " + asthma.substring(0, asthma.indexOf("</li>")));
        String rash = html.substring(html.indexOf("Badge rash"));
        assertTrue(rash.substring(0, rash.indexOf("</li>")).contains("From: an upload of "),
                "an upload it cannot name (no such upload stored)");
        assertTrue(java.util.regex.Pattern.compile("<details class=\"fold\" open>\\s*<summary>Conditions \\(2\\)"
                + "</summary>").matcher(html).find(), "each category folds under its own summary");
        int bar = html.indexOf("data-action-bar");
        assertTrue(bar > html.indexOf("Badge rash") && html.indexOf("data-selection-count", bar) > 0,
                "one action bar after the records, with the selection's count");
        assertTrue(java.util.regex.Pattern.compile("<button type=\"submit\" name=\"action\" value=\"delete\" "
                + "class=\"danger secondary\" data-testid=\"delete-selected\">Delete selected…</button>").matcher(html)
                .find(), "Delete selected does not look like Add, and leads to a confirmation");
        String css = given().get("/static/ferry.css").then().extract().asString();
        assertTrue(css.contains(".action-bar { position: sticky; bottom: 0;"), "the bar stays in view");
    }

    @Test
    void deletingNamesTheCountFirstAndAStepWithNothingSelectedSaysSo() {
        String person = ward("Confirm Cleo");
        UUID id = UUID.fromString(person);
        RecordSource source = RecordSource.upload(UUID.randomUUID());
        store.upsert(id, source, condition("del1", "Delete one"));
        store.upsert(id, source, condition("del2", "Delete two"));
        String api = "/api/v1/people/" + person + "/records";
        PageSession page = PageSession.open("erin", "/records");
        String step = page.form(Map.of("category", "conditions", "action", "delete")).cookie("ferry_acting", person)
                .post("/records/decisions").then().statusCode(200).body(containsString("Delete 2 records for good?"))
                .body(containsString("No, keep them")).extract().asString();
        assertTrue(step.contains("name=\"confirmed\" value=\"yes\""), "the step posts the same selection again");
        as("erin").get(api).then().body("total", org.hamcrest.Matchers.equalTo(2));
        page.form(Map.of("category", "conditions", "action", "delete", "confirmed", "yes"))
                .cookie("ferry_acting", person).post("/records/decisions").then().statusCode(303)
                .header("Location", endsWith("/records?added=0&deleted=2"));
        as("erin").get(api).then().body("total", org.hamcrest.Matchers.equalTo(0));

        for (String action : List.of("add", "delete")) {
            page.form(Map.of("action", action)).cookie("ferry_acting", person).post("/records/decisions").then()
                    .statusCode(303).header("Location", endsWith("/records?nothing=true"));
        }
        as("erin").cookie("ferry_acting", person).get("/records?nothing=true").then().statusCode(200)
                .body(containsString("Nothing was selected, so nothing changed."));
    }

    @Test
    void switchingEveryCategoryOffWarnsThatNothingWillBeImported() {
        String person = ward("Silent Sid");
        PageSession page = PageSession.open("erin", "/records/settings");
        page.form(Map.of()).cookie("ferry_acting", person).post("/records/settings").then().statusCode(303);
        as("erin").cookie("ferry_acting", person).get("/records/settings").then().statusCode(200)
                .body(containsString("data-testid=\"none-on\""))
                .body(containsString("nothing will be imported from connected portals"));
        page.form(Map.of("category", List.of("conditions"))).cookie("ferry_acting", person).post("/records/settings")
                .then().statusCode(303);
        as("erin").cookie("ferry_acting", person).get("/records/settings").then()
                .body(org.hamcrest.Matchers.not(containsString("data-testid=\"none-on\"")));
    }

    @Test
    void aWrongCodeAndCheckingAgainTooSoonSaySoOnTheConnectionsPage() {
        String person = ward("Again Ada");
        String twoFactor = SandboxConnections.failed("erin", person, "twofactor");
        as("erin").cookie("ferry_acting", person).get("/connections/" + twoFactor).then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("data-testid=\"again\"")));
        as("erin").contentType(io.restassured.http.ContentType.JSON).body(Map.of("code", "000000"))
                .post("/api/v1/connections/" + twoFactor + "/second-factor").then().statusCode(202);
        assertTrue("two_factor_required".equals(SandboxConnections.settled("erin", twoFactor)
                .getString("failure.code")));
        as("erin").cookie("ferry_acting", person).get("/connections/" + twoFactor).then().statusCode(200)
                .body(containsString("That code was not accepted."));

        String other = ward("Again Abe");
        // Another test class may have accepted the "terms" account's terms at the sandbox in this app start.
        health.ferry.sandbox.SandboxPortalState.reset();
        String terms = SandboxConnections.failed("erin", other, "terms");
        as("erin").cookie("ferry_acting", other).get("/connections/" + terms).then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("data-testid=\"again\"")));
        as("erin").post("/api/v1/connections/" + terms + "/recheck").then().statusCode(202);
        assertTrue("terms_acceptance_required".equals(SandboxConnections.settled("erin", terms)
                .getString("failure.code")));
        as("erin").cookie("ferry_acting", other).get("/connections/" + terms).then().statusCode(200)
                .body(containsString("still asks for the same thing"));
    }

    @Test
    void theConsentReadsAsParagraphsNotTheStudyFilesLines() {
        String html = as("erin").get("/studies/heart-rhythm-outcomes").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<p>What we ask: copies of your health records from the patient portals you "
                + "connect, or the records files you upload, for three years or until you withdraw.</p>"),
                "the YAML's wrapped lines are one paragraph");
        assertTrue(html.contains("class=\"consent-text\" tabindex=\"0\""), "the scrolling box takes the keyboard");
    }

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
