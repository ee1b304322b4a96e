package health.ferry.sandbox;

import static health.ferry.sandbox.SmartClient.FHIR_BASE;
import static health.ferry.sandbox.SmartClient.REDIRECT;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMART standalone launch against the sandbox, end to end: discovery, login pages, code, PKCE, tokens. */
@QuarkusTest
class SandboxSmartFlowTest {
    @Inject
    SandboxState state;
    @Inject
    SandboxClock clock;

    @BeforeEach
    void cleanPortal() {
        state.reset();
    }

    static void readsPatient(String accessToken, String patientId, int status) {
        given().auth().oauth2(accessToken).get("/sandbox/fhir/Patient/" + patientId).then().statusCode(status);
    }

    @Test
    void discoveryIsPublic() {
        given().get("/sandbox/fhir/.well-known/smart-configuration").then().statusCode(200)
                .body("authorization_endpoint", equalTo(SmartClient.BASE + "/sandbox/oauth/authorize"))
                .body("token_endpoint", equalTo(SmartClient.BASE + "/sandbox/oauth/token"))
                .body("capabilities", hasItems("launch-standalone", "client-public", "client-confidential-symmetric",
                        "context-standalone-patient", "permission-offline"))
                .body("code_challenge_methods_supported", equalTo(java.util.List.of("S256")));
    }

    @Test
    void demoGoesFromLoginPageToTokensToRecords() {
        SmartClient app = new SmartClient();
        PortalBrowser browser = PortalBrowser.open(app.authorizePath());
        browser.page().then().statusCode(200).body(containsString("Sandbox Health System"))
                .body(containsString("read all your health records"));
        Response redirect = browser.post("/sandbox/oauth/login", Map.of("request", browser.hidden("request"),
                "username", "demo", "password", "demo")).statusCode(303).extract().response();
        String location = redirect.header("Location");
        assertTrue(location.startsWith(REDIRECT + "?"), location);
        assertEquals(FHIR_BASE, SmartClient.query(location).get("iss"));
        JsonPath tokens = app.exchange(app.code(redirect)).then().statusCode(200)
                .header("Cache-Control", "no-store").body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600)).body("patient", equalTo("sbx-demo"))
                .body("scope", equalTo("launch/patient patient/*.read offline_access"))
                .body("$", hasKey("refresh_token")).extract().jsonPath();
        readsPatient(tokens.getString("access_token"), "sbx-demo", 200);
    }

    @Test
    void aWrongVerifierIsRefusedAndSpendsTheCode() {
        SmartClient app = new SmartClient();
        String code = app.code("demo");
        app.exchange(code, SmartClient.random(48)).then().statusCode(400).body("error", equalTo("invalid_grant"));
        app.exchange(code).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void aCodeWorksOnceAndItsReuseRevokesTheTokens() {
        SmartClient app = new SmartClient();
        String code = app.code("demo");
        String access = app.exchange(code).then().statusCode(200).extract().path("access_token");
        app.exchange(code).then().statusCode(400).body("error", equalTo("invalid_grant"));
        readsPatient(access, "sbx-demo", 401);
    }

    @Test
    void theRedirectUriAndClientMustMatchTheCode() {
        SmartClient app = new SmartClient();
        SmartClient.token(Map.of("grant_type", "authorization_code", "code", app.code("demo"), "redirect_uri",
                REDIRECT + "/other", "code_verifier", app.verifier, "client_id", "ferry")).then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
        SmartClient.token(Map.of("grant_type", "authorization_code", "code", new SmartClient().code("demo"),
                "redirect_uri", REDIRECT, "code_verifier", app.verifier, "client_id", "stranger")).then()
                .statusCode(401).body("error", equalTo("invalid_client"));
        SmartClient.token(Map.of("grant_type", "password", "client_id", "ferry")).then().statusCode(400)
                .body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void codesExpireAfterAMinute() {
        SmartClient app = new SmartClient();
        String code = app.code("demo");
        clock.advance(Grants.CODE_LIFETIME.plusSeconds(1));
        app.exchange(code).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void refreshTokensRotate() {
        SmartClient app = new SmartClient();
        String first = app.exchange(app.code("demo")).then().statusCode(200).extract().path("refresh_token");
        String second = SmartClient.refresh(first).then().statusCode(200).body("patient", equalTo("sbx-demo"))
                .extract().path("refresh_token");
        assertNotEquals(first, second);
        JsonPath third = SmartClient.refresh(second).then().statusCode(200).extract().jsonPath();
        SmartClient.refresh(first).then().statusCode(400).body("error", equalTo("invalid_grant"));
        readsPatient(third.getString("access_token"), "sbx-demo", 200);
        SmartClient.refresh(third.getString("refresh_token")).then().statusCode(200);
    }

    @Test
    void withoutOfflineAccessThereIsNoRefreshToken() {
        SmartClient app = new SmartClient().with("scope", "launch/patient patient/Observation.rs");
        app.exchange(app.code("demo")).then().statusCode(200).body("$", not(hasKey("refresh_token")))
                .body("scope", equalTo("launch/patient patient/Observation.rs"));
    }

    @Test
    void scopesLimitWhatTheTokenReads() {
        SmartClient app = new SmartClient().with("scope", "launch/patient patient/Observation.rs");
        String access = app.exchange(app.code("demo")).then().extract().path("access_token");
        given().auth().oauth2(access).get("/sandbox/fhir/Observation?patient=sbx-demo").then().statusCode(200);
        given().auth().oauth2(access).get("/sandbox/fhir/Condition?patient=sbx-demo").then().statusCode(403)
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void shortlivedAccessEndsAfterSixtySeconds() {
        SmartClient app = new SmartClient();
        JsonPath tokens = app.exchange(app.code("shortlived")).then().statusCode(200)
                .body("expires_in", equalTo(60)).extract().jsonPath();
        clock.advance(Duration.ofSeconds(30));
        JsonPath refreshed = SmartClient.refresh(tokens.getString("refresh_token")).then().statusCode(200)
                .extract().jsonPath();
        assertTrue(refreshed.getInt("expires_in") <= 30, "access still ends 60 s after sign-in");
        clock.advance(Duration.ofSeconds(31));
        readsPatient(refreshed.getString("access_token"), "sbx-shortlived", 401);
        SmartClient.refresh(refreshed.getString("refresh_token")).then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
    }

    @Test
    void flakyTokenEndpointIsUnavailableOnTheFirstTryAndKeepsTheCode() {
        SmartClient app = new SmartClient();
        String code = app.code("flaky");
        app.exchange(code).then().statusCode(503).header("Retry-After", "1")
                .body("error", equalTo("temporarily_unavailable"));
        app.exchange(code).then().statusCode(200).body("patient", equalTo("sbx-flaky"));
    }

    @Test
    void confidentialClientsAuthenticateWithTheirSecret() {
        SmartClient app = new SmartClient().with("client_id", SandboxClients.CONFIDENTIAL);
        String code = app.code("demo");
        Map<String, String> form = Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT,
                "code_verifier", app.verifier);
        given().auth().preemptive().basic(SandboxClients.CONFIDENTIAL, "wrong").formParams(form).post(SmartClient.TOKEN)
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().auth().preemptive().basic(SandboxClients.CONFIDENTIAL, "sandbox-secret").formParams(form)
                .post(SmartClient.TOKEN).then().statusCode(200).body("patient", equalTo("sbx-demo"));
    }

    @Test
    void denyReturnsAccessDeniedWithState() {
        SmartClient app = new SmartClient();
        PortalBrowser browser = PortalBrowser.open(app.authorizePath());
        String location = browser.post("/sandbox/oauth/deny", Map.of("request", browser.hidden("request")))
                .statusCode(303).extract().header("Location");
        Map<String, String> query = SmartClient.query(location);
        assertEquals("access_denied", query.get("error"));
        assertEquals(app.state, query.get("state"));
        assertFalse(query.containsKey("code"));
    }

    @Test
    void twoFactorAsksForTheCodeOnTheNextPage() {
        SmartClient app = new SmartClient();
        PortalBrowser browser = app.signIn("twofactor", "demo");
        browser.page().then().statusCode(200).body(containsString("verification code"));
        browser.post("/sandbox/oauth/second-factor", Map.of("request", browser.hidden("request"),
                "challenge", browser.hidden("challenge"), "code", "111111")).statusCode(200)
                .body(containsString("That code is not right"));
        browser.post("/sandbox/oauth/second-factor", Map.of("request", browser.hidden("request"),
                "challenge", browser.hidden("challenge"), "code", "123456")).statusCode(303);
        app.exchange(app.code(browser.page())).then().statusCode(200).body("patient", equalTo("sbx-twofactor"));
    }

    @Test
    void familyChoosesAProfile() {
        SmartClient app = new SmartClient();
        PortalBrowser browser = app.signIn("family", "demo");
        browser.page().then().statusCode(200).body(containsString("Sam Carter (born 2014-05-02)"))
                .body(containsString("Alice Carter (born 1984-02-11)"));
        browser.post("/sandbox/oauth/profile", Map.of("request", browser.hidden("request"),
                "challenge", browser.hidden("challenge"), "profileId", "sbx-alice-carter")).statusCode(303);
        app.exchange(app.code(browser.page())).then().statusCode(200).body("patient", equalTo("sbx-alice-carter"));
    }

    @Test
    void termsAreShownAndAcceptedOnTheWay() {
        SmartClient app = new SmartClient();
        PortalBrowser browser = app.signIn("terms", "demo");
        browser.page().then().statusCode(200).body(containsString("Terms of use"));
        browser.post("/sandbox/oauth/terms", Map.of("request", browser.hidden("request"),
                "ticket", browser.hidden("ticket"))).statusCode(303);
        app.exchange(app.code(browser.page())).then().statusCode(200).body("patient", equalTo("sbx-terms"));
        SandboxSessionApiTest.signIn("terms", "demo").statusCode(201);
    }

    @Test
    void wrongPasswordLockedAndExpiredStayOnTheLoginPage() {
        SmartClient app = new SmartClient();
        app.signIn("demo", "nope").page().then().statusCode(200).body(containsString("not right"));
        app.signIn("locked", "demo").page().then().statusCode(200).body(containsString("locked"));
        app.signIn("expired", "demo").page().then().statusCode(200).body(containsString("/sandbox/password"));
    }

    @Test
    void formsNeedTheCsrfToken() {
        PortalBrowser browser = PortalBrowser.open(new SmartClient().authorizePath());
        browser.postWithoutToken("/sandbox/oauth/login", Map.of("request", browser.hidden("request"),
                "username", "demo", "password", "demo")).statusCode(400);
    }

    @Test
    void aStaleLoginPageStartsOver() {
        PortalBrowser browser = PortalBrowser.open(new SmartClient().authorizePath());
        clock.advance(Authorizations.REQUEST_LIFETIME.plusSeconds(1));
        browser.post("/sandbox/oauth/login", Map.of("request", browser.hidden("request"), "username", "demo",
                "password", "demo")).statusCode(400).body(containsString("expired"));
    }

    @Test
    void untrustedAppsGetAPageNotARedirect() {
        new SmartClient().with("client_id", "stranger").authorize().then().statusCode(400)
                .header("Location", org.hamcrest.Matchers.nullValue()).body(containsString("cannot connect"));
        new SmartClient().with("redirect_uri", "https://attacker.example/cb").authorize().then().statusCode(400)
                .header("Location", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void badRequestsFromTrustedAppsGoBackWithAnError() {
        assertRedirectError(new SmartClient().with("code_challenge", null), "invalid_request");
        assertRedirectError(new SmartClient().with("code_challenge_method", "plain"), "invalid_request");
        assertRedirectError(new SmartClient().with("aud", "https://elsewhere.example/fhir"), "invalid_request");
        assertRedirectError(new SmartClient().with("response_type", "token"), "unsupported_response_type");
        assertRedirectError(new SmartClient().with("scope", "openid profile"), "invalid_scope");
        String location = new SmartClient().with("state", null).authorize().then().statusCode(303).extract()
                .header("Location");
        assertEquals("invalid_request", SmartClient.query(location).get("error"));
        assertFalse(SmartClient.query(location).containsKey("state"));
    }

    private static void assertRedirectError(SmartClient app, String error) {
        String location = app.authorize().then().statusCode(303).extract().header("Location");
        Map<String, String> query = SmartClient.query(location);
        assertTrue(location.startsWith(REDIRECT), location);
        assertEquals(error, query.get("error"), location);
        assertEquals(app.state, query.get("state"));
    }
}
