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
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rows of issue 23's table, played by a strict SMART server of the test's own ({@link StrictSmartServer}): what
 * a real EHR does, and what Ferry must make of it (through the API and the page text).
 */
@QuarkusTest
class StrictSmartErrorsTest extends StrictPortalTest {
    @Inject
    PortalAccess access;

    String[] start() {
        return portal.start();
    }

    static URI atPortal(String authorizeUrl) {
        return StrictPortal.atPortal(authorizeUrl);
    }

    String connected() {
        return portal.connected();
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
