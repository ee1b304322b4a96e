package health.ferry.connections;

import static health.ferry.Tokens.as;
import static health.ferry.connections.Sandbox.connect;
import static health.ferry.connections.Sandbox.settled;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.PageSession;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 2: the portal password-attempt limit counts refused passwords and codes per owner account, portal
 * and portal username, so wards do not multiply the guesses; steps that wait for the participant are no failures;
 * the cool-down says when it ends and offers a retry once it has. hana and ivan sign in to portals in this class
 * only (a cool-down holds an account's sign-in for 15 minutes).
 */
@QuarkusTest
class WardAttemptLimitTest {
    private static final String USER = "hana";

    private static String ward(String name) {
        return ward(USER, name);
    }

    private static String ward(String user, String name) {
        return Sandbox.ward(user, name + " " + UUID.randomUUID().toString().substring(0, 6), "2012-01-01");
    }

    @Test
    void wardsDoNotMultiplyThePasswordGuesses() {
        // Five wrong passwords for the portal user "empty", each from a new ward of the same account...
        for (int i = 0; i < 5; i++) {
            String id = connect(USER, ward("Guess " + i), "empty", "guess-" + i);
            assertEquals("credential_error", settled(USER, id).getString("failure.code"), "guess " + i);
        }
        // ...and a sixth ward does not get a sixth guess: even the right password never reaches the portal.
        Instant before = Instant.now();
        String sixth = connect(USER, ward("Guess 5"), "EMPTY ", "demo");
        JsonPath c = settled(USER, sixth);
        assertEquals("action_required", c.getString("status"));
        assertEquals("too_many_attempts", c.getString("failure.code"));
        Instant retryAt = Instant.parse(c.getString("failure.retryAt"));
        assertTrue(retryAt.isAfter(before.plus(Duration.ofMinutes(14))) && retryAt.isBefore(Instant.now().plus(
                Duration.ofMinutes(15))), "the cool-down ends 15 minutes after the first counted guess: " + retryAt);
        // Another username at the same portal is another sign-in, and the account's own portal login still works.
        String other = connect(USER, ward("Other User"), "demo", "demo");
        assertEquals("connected", settled(USER, other).getString("status"));
    }

    @Test
    void stepsThatWaitForTheParticipantAreNotFailures() {
        // Six two-factor prompts, six portal-side steps, six profile choices in a row: none is a refused secret.
        for (int i = 0; i < 6; i++) {
            assertEquals("two_factor_required", settled(USER, connect(USER, ward("Two Step " + i), "twofactor",
                    "demo")).getString("failure.code"));
        }
        // A step done at the portal (terms or, here, a password change: the sandbox's terms, once accepted by another
        // test, stay accepted) and "check again" before it is done.
        String terms = connect(USER, ward("Password Change"), "expired", "demo");
        assertEquals("password_change_required", settled(USER, terms).getString("failure.code"));
        String family = connect(USER, ward("Family"), "family", "demo");
        assertEquals("multiple_profiles", settled(USER, family).getString("failure.code"));
        for (int i = 0; i < 6; i++) {
            as(USER).contentType(ContentType.JSON).post("/api/v1/connections/" + terms + "/recheck").then()
                    .statusCode(202);
            assertEquals("password_change_required", settled(USER, terms).getString("failure.code"), "check " + i);
            as(USER).contentType(ContentType.JSON).post("/api/v1/connections/" + family + "/recheck").then()
                    .statusCode(202);
            assertEquals("multiple_profiles", settled(USER, family).getString("failure.code"), "profiles " + i);
        }
        String twoStep = connect(USER, ward("Two Step Done"), "twofactor", "demo");
        assertEquals("two_factor_required", settled(USER, twoStep).getString("failure.code"));
        as(USER).contentType(ContentType.JSON).body(Map.of("code", "123456"))
                .post("/api/v1/connections/" + twoStep + "/second-factor").then().statusCode(202);
        assertEquals("connected", settled(USER, twoStep).getString("status"));
    }

    /** By ivan: it holds back ivan's "twofactor" sign-in, which the test above needs for hana. */
    @Test
    void wrongOneTimeCodesAreGuessesToo() {
        String user = "ivan";
        String id = connect(user, ward(user, "Code Guess"), "twofactor", "demo");
        assertEquals("two_factor_required", settled(user, id).getString("failure.code"));
        for (int i = 0; i < 5; i++) {
            as(user).contentType(ContentType.JSON).body(Map.of("code", "00000" + i))
                    .post("/api/v1/connections/" + id + "/second-factor").then().statusCode(202);
            assertEquals("two_factor_required", settled(user, id).getString("failure.code"), "code " + i);
        }
        as(user).contentType(ContentType.JSON).body(Map.of("code", "123456"))
                .post("/api/v1/connections/" + id + "/second-factor").then().statusCode(202);
        assertEquals("too_many_attempts", settled(user, id).getString("failure.code"));
    }

    @Test
    void theCoolDownSaysWhenItEndsAndOffersARetryOnceItHas() {
        String person = ward("Retry Later");
        String id = connect(USER, person, "locked-out-" + UUID.randomUUID(), "x");
        settled(USER, id);
        for (int i = 0; i < 4; i++) {
            as(USER).contentType(ContentType.JSON).body(Map.of("username", "locked", "password", "wrong" + i))
                    .put("/api/v1/connections/" + id + "/credentials").then().statusCode(202);
            settled(USER, id);
        }
        // Four refused "locked" passwords so far; the fifth refusal, then the right password is held back.
        as(USER).contentType(ContentType.JSON).body(Map.of("username", "locked", "password", "wrong-last"))
                .put("/api/v1/connections/" + id + "/credentials").then().statusCode(202);
        assertEquals("credential_error", settled(USER, id).getString("failure.code"));
        as(USER).contentType(ContentType.JSON).body(Map.of("username", "locked", "password", "demo"))
                .put("/api/v1/connections/" + id + "/credentials").then().statusCode(202);
        JsonPath held = settled(USER, id);
        assertEquals("too_many_attempts", held.getString("failure.code"));
        String retryAt = held.getString("failure.retryAt");
        assertNotNull(retryAt);
        String page = as(USER).get("/connections/" + id).then().statusCode(200)
                .body(containsString("You can try again after "))
                .body(not(containsString("action=\"/connections/" + id + "/recheck\""))).extract().asString();
        assertTrue(page.contains(" UTC."), "the page names the time");

        // Sixteen minutes later (Ferry's clock), the pause is over: the page offers to try again, and it works.
        QuarkusMock.installMockForType(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16)), Clock.class);
        assertNull(as(USER).get("/api/v1/connections/" + id).then().extract().path("failure.retryAt"));
        PageSession session = PageSession.open(USER, "/connections/" + id);
        String after = as(USER).get("/connections/" + id).then().statusCode(200)
                .body(containsString("you can try again now")).extract().asString();
        assertTrue(after.contains("action=\"/connections/" + id + "/recheck\""), "a retry is offered");
        session.form(Map.of()).post("/connections/" + id + "/recheck").then().statusCode(303);
        // "locked"/"demo" is the right password for an account the portal has locked: the portal was asked this time.
        assertEquals("account_locked", settled(USER, id).getString("failure.code"));
    }
}
