package health.ferry.connections;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.connections.spi.PortalUnavailable;
import health.ferry.directory.TestPortals;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rows of issue 23's table, played by a strict SMART server of the test's own ({@link StrictSmartServer}): what
 * a real EHR does, and what Ferry must make of it (through the API and the page text).
 */
@QuarkusTest
class StrictSmartErrorsTest {
    static final String PARTICIPANT = "erin";

    @Inject
    PortalAccess access;

    StrictSmartServer server;
    String portalId;

    @BeforeEach
    void server() throws IOException {
        server = new StrictSmartServer();
        // what Ferry asks for today (scopes are the next point)
        server.allowedScopes = java.util.Set.of("launch/patient", "openid", "fhirUser", "offline_access",
                "patient/*.rs", "patient/*.read");
        portalId = TestPortals.smart("Strict Health " + UUID.randomUUID(), server.fhirBase());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Starts a connection to the strict portal for a new ward; answers {id, authorizeUrl}. */
    String[] start() {
        String person = Sandbox.ward(PARTICIPANT, "Strict " + UUID.randomUUID().toString().substring(0, 8),
                "2012-03-04");
        Response r = as(PARTICIPANT).contentType(ContentType.JSON).body(Map.of("portalId", portalId))
                .post("/api/v1/people/" + person + "/connections");
        r.then().statusCode(201).body("status", equalTo("authorizing"));
        return new String[] {r.path("id"), r.path("authorizeUrl")};
    }

    /** The browser at the portal: where the portal sends it back to, or null when it does not. */
    static URI atPortal(String authorizeUrl) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                    .send(HttpRequest.newBuilder(URI.create(authorizeUrl)).build(),
                            HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 302 ? URI.create(r.headers().firstValue("Location").orElseThrow()) : null;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** A connection through the strict portal, connected; answers its id. */
    String connected() {
        String[] started = start();
        SmartConnectionsTest.returnToFerry(PARTICIPANT, atPortal(started[1])).then().statusCode(303);
        as(PARTICIPANT).get("/api/v1/connections/" + started[0]).then().body("status", equalTo("connected"));
        return started[0];
    }

    void assertSetUpProblem(String id) {
        as(PARTICIPANT).get("/api/v1/connections/" + id).then().body("status", equalTo("not_supported"))
                .body("failure.code", equalTo("portal_not_supported"))
                .body("failure.message", not(containsString("Allow")))
                .body("failure.remedy", not(containsString("Allow")));
        as(PARTICIPANT).get("/connections/" + id).then().statusCode(200)
                .body(containsString("Ferry cannot connect to this portal."))
                .body(not(containsString("choose &quot;Allow&quot;"))).body(not(containsString("choose \"Allow\"")));
    }

    @Test
    void invalidScopeAtAuthorizeIsThePortalsSetUpNotTheParticipants() {
        server.allowedScopes = java.util.Set.of("launch/patient"); // the registration allows nothing Ferry reads
        String[] started = start();
        URI back = atPortal(started[1]);
        assertTrue(back.getRawQuery().contains("error=invalid_scope"), back.toString());
        SmartConnectionsTest.returnToFerry(PARTICIPANT, back).then().statusCode(303);
        assertSetUpProblem(started[0]);
    }

    @Test
    void invalidClientAtTheCodeExchangeIsThePortalsSetUp() {
        server.clientAuthentication = exchange -> false; // the portal wants a client Ferry is not
        String[] started = start();
        SmartConnectionsTest.returnToFerry(PARTICIPANT, atPortal(started[1])).then().statusCode(303);
        assertEquals(1, server.tokenRequests.get(), "a refused client is not retried");
        assertSetUpProblem(started[0]);
    }

    @Test
    void accessDeniedAtThePortalIsDeclinedWithStartAgain() {
        server.authorize = StrictSmartServer.Authorize.DENY;
        String[] started = start();
        SmartConnectionsTest.returnToFerry(PARTICIPANT, atPortal(started[1])).then().statusCode(303);
        as(PARTICIPANT).get("/api/v1/connections/" + started[0]).then().body("status", equalTo("action_required"))
                .body("failure.code", equalTo("authorization_declined"));
        as(PARTICIPANT).get("/connections/" + started[0]).then().body(containsString("Start again"));
    }

    @Test
    void aRevokedGrantOnRefreshIsReconnectRequiredAtOnce() {
        UUID id = UUID.fromString(connected());
        int before = server.tokenRequests.get();
        server.grantsRevoked = true; // 403 invalid_grant, as the EHR answered
        assertTrue(access.open(id).isEmpty());
        assertEquals(before + 1, server.tokenRequests.get(), "no retries of a refused refresh");
        as(PARTICIPANT).get("/api/v1/connections/" + id).then().body("status", equalTo("action_required"))
                .body("failure.code", equalTo("reconnect_required"));
    }

    @Test
    void aTokenEndpointThatIsDownDuringARefreshIsUnavailableNotTheParticipantsFault() {
        UUID id = UUID.fromString(connected());
        server.tokenEndpointDown = true;
        assertThrows(PortalUnavailable.class, () -> access.open(id));
        as(PARTICIPANT).get("/api/v1/connections/" + id).then().body("status", equalTo("connected"))
                .body("failure", nullValue());
        server.tokenEndpointDown = false; // back: the next attempt refreshes as if nothing had happened
        assertTrue(access.open(id).isPresent());
    }

    @Test
    void aDenyThatNeverComesBackEndsAsDeclinedAfterTheStatesLifetime() {
        server.authorize = StrictSmartServer.Authorize.DENY_WITHOUT_REDIRECT;
        String[] started = start();
        assertNull(atPortal(started[1]), "the portal keeps the participant");
        // Start again is offered at once, while Ferry waits.
        as(PARTICIPANT).get("/connections/" + started[0]).then().statusCode(200)
                .body(containsString("action=\"/connections/" + started[0] + "/reconnect\""))
                .body(containsString("Start again"));
        as(PARTICIPANT).get("/api/v1/connections/" + started[0]).then().body("status", equalTo("authorizing"));
        QuarkusMock.installMockForType(Clock.offset(Clock.systemUTC(),
                SmartAuthorizations.STATE_LIFETIME.plus(Duration.ofMinutes(1))), Clock.class);
        as(PARTICIPANT).get("/api/v1/connections/" + started[0]).then().body("status", equalTo("action_required"))
                .body("failure.code", equalTo("authorization_declined"));
        as(PARTICIPANT).get("/connections/" + started[0]).then().statusCode(200)
                .body(containsString("Access was not granted")).body(containsString("Start again"));
    }
}
