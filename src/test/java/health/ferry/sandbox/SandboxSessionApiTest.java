package health.ferry.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every row of the contract's sandbox table on the credential API, with no Ferry sign-in. */
@QuarkusTest
class SandboxSessionApiTest {
    static final String SESSIONS = "/sandbox/api/sessions";

    @Inject
    SandboxState state;
    @Inject
    SandboxClock clock;

    @BeforeEach
    void cleanPortal() {
        state.reset();
    }

    static ValidatableResponse signIn(String username, String password) {
        return post(SESSIONS, Map.of("username", username, "password", password));
    }

    static ValidatableResponse post(String path, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    static void canRead(String sessionToken, String patientId) {
        given().auth().oauth2(sessionToken).get("/sandbox/fhir/Patient/" + patientId).then().statusCode(200)
                .body("id", equalTo(patientId));
    }

    @Test
    void demoConnects() {
        String token = signIn("demo", "demo").statusCode(201).body("tokenType", equalTo("Bearer"))
                .body("patientId", equalTo("sbx-demo")).body("expiresIn", equalTo(3600))
                .body("fhirBaseUrl", startsWith("http://localhost:")).extract().path("sessionToken");
        canRead(token, "sbx-demo");
    }

    @Test
    void wrongPasswordOrUnknownUserIsACredentialError() {
        signIn("demo", "wrong").statusCode(401).body("error", equalTo("invalid_credentials"))
                .body("$", not(hasKey("sessionToken")));
        signIn("nobody", "demo").statusCode(401).body("error", equalTo("invalid_credentials"));
        post(SESSIONS, Map.of("username", "demo")).statusCode(400).body("error", equalTo("invalid_request"));
        given().contentType(ContentType.JSON).body("{not json").post(SESSIONS).then().statusCode(400)
                .body("error", equalTo("invalid_request"));
    }

    @Test
    void twoFactorAsksForTheCodeAndAcceptsOnly123456() {
        String first = signIn("twofactor", "demo").statusCode(401).body("error", equalTo("two_factor_required"))
                .extract().path("challengeId");
        String second = post(SESSIONS + "/second-factor", Map.of("challengeId", first, "code", "000000"))
                .statusCode(401).body("error", equalTo("two_factor_required")).extract().path("challengeId");
        post(SESSIONS + "/second-factor", Map.of("challengeId", first, "code", "123456")).statusCode(400)
                .body("error", equalTo("invalid_challenge"));
        String token = post(SESSIONS + "/second-factor", Map.of("challengeId", second, "code", "123456"))
                .statusCode(201).body("patientId", equalTo("sbx-twofactor")).extract().path("sessionToken");
        canRead(token, "sbx-twofactor");
    }

    @Test
    void twoFactorChallengesExpire() {
        String challenge = signIn("twofactor", "demo").extract().path("challengeId");
        clock.advance(SignIns.CHALLENGE_LIFETIME.plusSeconds(1));
        post(SESSIONS + "/second-factor", Map.of("challengeId", challenge, "code", "123456")).statusCode(400)
                .body("error", equalTo("invalid_challenge"));
    }

    @Test
    void familyOffersTwoProfilesAndChoosingOneConnects() {
        String challenge = signIn("family", "demo").statusCode(409).body("error", equalTo("multiple_profiles"))
                .body("profiles.name", containsInAnyOrder("Sam Carter", "Alice Carter"))
                .body("profiles.find { it.name == 'Sam Carter' }.birthDate", equalTo("2014-05-02"))
                .body("profiles.find { it.name == 'Alice Carter' }.birthDate", equalTo("1984-02-11"))
                .extract().path("profileChallengeId");
        post(SESSIONS + "/profile", Map.of("profileChallengeId", challenge, "profileId", "sbx-demo"))
                .statusCode(400).body("error", equalTo("invalid_profile"));
        String token = post(SESSIONS + "/profile", Map.of("profileChallengeId", challenge,
                "profileId", "sbx-sam-carter")).statusCode(201).body("patientId", equalTo("sbx-sam-carter"))
                .extract().path("sessionToken");
        canRead(token, "sbx-sam-carter");
        given().auth().oauth2(token).get("/sandbox/fhir/Patient/sbx-alice-carter").then().statusCode(404);
    }

    @Test
    void familyProfileMayBeChosenUpFront() {
        post(SESSIONS, Map.of("username", "family", "password", "demo", "profileId", "sbx-alice-carter"))
                .statusCode(201).body("patientId", equalTo("sbx-alice-carter"));
    }

    @Test
    void termsMustBeAcceptedAtThePortalThenARecheckConnects() {
        String termsUrl = signIn("terms", "demo").statusCode(403).body("error", equalTo("terms_acceptance_required"))
                .extract().path("termsUrl");
        String path = termsUrl.substring(termsUrl.indexOf("/sandbox/"));
        signIn("terms", "demo").statusCode(403);
        PortalBrowser browser = PortalBrowser.open(path);
        browser.post("/sandbox/terms", Map.of("ticket", browser.hidden("ticket"))).statusCode(200);
        signIn("terms", "demo").statusCode(201).body("patientId", equalTo("sbx-terms"));
    }

    @Test
    void expiredAsksForAPasswordChange() {
        signIn("expired", "demo").statusCode(403).body("error", equalTo("password_change_required"))
                .body("passwordUrl", notNullValue());
    }

    @Test
    void lockedIsLocked() {
        signIn("locked", "demo").statusCode(403).body("error", equalTo("account_locked"));
    }

    @Test
    void emptyConnectsWithAPatientAndNoRecords() {
        String token = signIn("empty", "demo").statusCode(201).extract().path("sessionToken");
        given().auth().oauth2(token).get("/sandbox/fhir/Observation?patient=sbx-empty").then().statusCode(200)
                .body("total", equalTo(0));
        canRead(token, "sbx-empty");
    }

    @Test
    void flakyIsUnavailableOnEveryOddAttempt() {
        signIn("flaky", "demo").statusCode(503).header("Retry-After", "1").body("error", equalTo("unavailable"));
        signIn("flaky", "demo").statusCode(201).body("patientId", equalTo("sbx-flaky"));
        signIn("flaky", "demo").statusCode(503);
        signIn("flaky", "demo").statusCode(201);
        state.reset();
        signIn("flaky", "demo").statusCode(503);
    }

    @Test
    void shortlivedSessionsEndAfterSixtySeconds() {
        String token = signIn("shortlived", "demo").statusCode(201).body("expiresIn", equalTo(60))
                .extract().path("sessionToken");
        canRead(token, "sbx-shortlived");
        clock.advance(Duration.ofSeconds(61));
        given().auth().oauth2(token).get("/sandbox/fhir/Patient/sbx-shortlived").then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("invalid_token"));
    }

    @Test
    void signingOutEndsTheSession() {
        String token = signIn("demo", "demo").extract().path("sessionToken");
        given().auth().oauth2(token).delete(SESSIONS + "/current").then().statusCode(204);
        given().auth().oauth2(token).get("/sandbox/fhir/Patient/sbx-demo").then().statusCode(401);
    }
}
