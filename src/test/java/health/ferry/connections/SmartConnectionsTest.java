package health.ferry.connections;

import static health.ferry.Tokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.sandbox.SandboxTime;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SMART on FHIR through Ferry against the sandbox: PKCE, state, token exchange, refresh rotation, expiry. */
@QuarkusTest
class SmartConnectionsTest {
    @AfterEach
    void resetSandboxClock() {
        SandboxTime.reset();
    }

    /** Starts a SMART connection and answers {connectionId, authorizeUrl}. */
    static String[] start(String user, String personId) {
        Response r = as(user).contentType(ContentType.JSON)
                .body(Map.of("portalId", Sandbox.portalId(user, Sandbox.HEALTH_SYSTEM)))
                .post("/api/v1/people/" + personId + "/connections");
        r.then().statusCode(201);
        assertEquals("authorizing", r.path("status"));
        return new String[] {r.path("id"), r.path("authorizeUrl")};
    }

    /** Signs in at the sandbox's own login page and answers where it sends the browser back to. */
    static URI signInAtPortal(String authorizeUrl, String username) {
        URI url = URI.create(authorizeUrl);
        Response page = given().redirects().follow(false).urlEncodingEnabled(false)
                .get(url.getRawPath() + "?" + url.getRawQuery());
        page.then().statusCode(200);
        Map<String, String> fields = SandboxPortal.hiddenFields(page.asString());
        fields.put("username", username);
        fields.put("password", "demo");
        Response back = given().redirects().follow(false).cookies(page.cookies())
                .contentType("application/x-www-form-urlencoded").formParams(fields).post("/sandbox/oauth/login");
        back.then().statusCode(303);
        return URI.create(back.header("Location"));
    }

    static Response returnToFerry(String user, URI callback) {
        return as(user).redirects().follow(false).urlEncodingEnabled(false)
                .get(callback.getRawPath() + "?" + callback.getRawQuery());
    }

    @Test
    void theAuthorizationRequestIsSmartWithPkce() {
        String url = start("erin", Sandbox.ward("erin", "SmartConnections Person 1", "2008-08-08"))[1];
        for (String part : new String[] {"response_type=code", "client_id=ferry", "code_challenge_method=S256",
            "code_challenge=", "state=", "aud=", "offline_access", "redirect_uri="}) {
            assertTrue(url.contains(part), part + " in " + url);
        }
        assertTrue(url.contains("aud=" + java.net.URLEncoder.encode(Sandbox.fhirBase(), java.nio.charset.StandardCharsets.UTF_8)), url);
    }

    @Test
    void signingInAtThePortalConnects() {
        String[] started = start("erin", Sandbox.ward("erin", "Smart Kid", "2015-05-05"));
        URI callback = signInAtPortal(started[1], "demo");
        returnToFerry("erin", callback).then().statusCode(303)
                .header("Location", containsString("/connections/" + started[0]));
        as("erin").get("/api/v1/connections/" + started[0]).then().body("status", org.hamcrest.Matchers.equalTo(
                "connected"));
        // The same return cannot be used twice.
        returnToFerry("erin", callback).then().statusCode(404);
    }

    @Test
    void aWrongMissingOrForeignStateIsRejected() {
        String[] started = start("erin", Sandbox.ward("erin", "SmartConnections Person 2", "2008-08-08"));
        URI callback = signInAtPortal(started[1], "demo");
        String query = callback.getRawQuery();
        String code = query.replaceAll(".*code=([^&]+).*", "$1");
        as("erin").redirects().follow(false).get("/connections/smart/callback?code=" + code + "&state=forged")
                .then().statusCode(404);
        as("erin").redirects().follow(false).get("/connections/smart/callback?code=" + code).then().statusCode(404);
        // Someone else presenting the right state gets nothing either.
        returnToFerry("bob", callback).then().statusCode(404);
        as("erin").get("/api/v1/connections/" + started[0]).then().body("status",
                org.hamcrest.Matchers.equalTo("authorizing"));
    }

    @Test
    void declinedAtThePortalIsAuthorizationDeclined() {
        String[] started = start("erin", Sandbox.ward("erin", "SmartConnections Person 3", "2008-08-08"));
        URI url = URI.create(started[1]);
        String state = url.getRawQuery().replaceAll(".*state=([^&]+).*", "$1");
        as("erin").redirects().follow(false).get("/connections/smart/callback?error=access_denied&state=" + state)
                .then().statusCode(303);
        as("erin").get("/api/v1/connections/" + started[0]).then()
                .body("failure.code", org.hamcrest.Matchers.equalTo("authorization_declined"))
                .body("status", org.hamcrest.Matchers.equalTo("action_required"));
    }

    @Test
    void theCodeOnlyWorksWithTheVerifierFerryKept() {
        String[] started = start("erin", Sandbox.ward("erin", "SmartConnections Person 4", "2008-08-08"));
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(ConnectionSecrets.class).get()
                .put(UUID.fromString(started[0]), ConnectionSecrets.PKCE, "a-different-verifier-of-enough-length-xx"));
        returnToFerry("erin", signInAtPortal(started[1], "demo")).then().statusCode(303);
        as("erin").get("/api/v1/connections/" + started[0]).then()
                .body("status", org.hamcrest.Matchers.equalTo("action_required"));
    }

    @Test
    void refreshRotatesTheRefreshTokenAndExpiredAccessNeedsReconnecting() {
        String[] demo = start("erin", Sandbox.ward("erin", "Rotate Kid", "2016-06-06"));
        returnToFerry("erin", signInAtPortal(demo[1], "demo")).then().statusCode(303);
        UUID id = UUID.fromString(demo[0]);
        SmartAuthorizations smart = Arc.container().instance(SmartAuthorizations.class).get();
        String before = refreshToken(id);
        assertTrue(smart.refresh(id, true).isPresent());
        String after = refreshToken(id);
        assertNotEquals(before, after, "the rotated refresh token is stored");
        assertTrue(smart.refresh(id, true).isPresent(), "and works next time");

        String[] shortLived = start("erin", Sandbox.ward("erin", "Short Kid", "2017-07-07"));
        returnToFerry("erin", signInAtPortal(shortLived[1], "shortlived")).then().statusCode(303);
        SandboxTime.advance(Duration.ofSeconds(61));
        assertTrue(smart.refresh(UUID.fromString(shortLived[0]), true).isEmpty());
        as("erin").get("/api/v1/connections/" + shortLived[0]).then()
                .body("failure.code", org.hamcrest.Matchers.equalTo("reconnect_required"))
                .body("status", org.hamcrest.Matchers.equalTo("action_required"));
    }

    private static String refreshToken(UUID id) {
        String session = QuarkusTransaction.requiringNew().call(() -> Arc.container()
                .instance(ConnectionSecrets.class).get().get(id, ConnectionSecrets.TOKENS).orElseThrow());
        return session.replaceAll(".*\"refresh_token\":\"([^\"]+)\".*", "$1");
    }
}
