package health.ferry.connections;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.connections.spi.PortalUnavailable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rows of issue 23's table, played by a strict SMART server of the test's own ({@link StrictSmartServer}): what
 * a real EHR does, and what Ferry must make of it (through the API and the page text).
 */
@QuarkusTest
class StrictSmartErrorsTest extends StrictPortalTest {
    @Inject
    PortalAccess access;
    @Inject
    StaleAuthorizations stale;
    @Inject
    ConnectionRepository connections;

    String[] start() {
        return portal.start();
    }

    static URI atPortal(String authorizeUrl) {
        return StrictPortal.atPortal(authorizeUrl);
    }

    String connected() {
        return portal.connected();
    }

    /**
     * The participant's side of portal_setup_error, through the API and the page: the plain words, not their fault,
     * no "choose Allow", Start again for when it is fixed, upload offered only where the study allows it, and never
     * what the portal said ({@code hidden}).
     */
    void assertSetUpProblem(String id, boolean uploadAllowed, String hidden) {
        as(PARTICIPANT).get("/api/v1/connections/" + id).then().body("status", equalTo("not_supported"))
                .body("failure.code", equalTo("portal_setup_error"))
                .body("failure.message", equalTo("This portal's connection is not set up correctly. Ferry's team "
                        + "has been told."))
                .body("failure.remedy", not(containsString("Allow")))
                .body(not(containsString(hidden)));
        var page = as(PARTICIPANT).get("/connections/" + id).then().statusCode(200)
                .body(containsString("This portal&#39;s connection is not set up correctly. Ferry&#39;s team has been "
                        + "told."))
                .body(containsString("Start again"))
                .body(not(containsString("choose &quot;Allow&quot;"))).body(not(containsString("choose \"Allow\"")))
                .body(not(containsString(hidden)));
        if (uploadAllowed) {
            page.body(containsString("You can upload your records instead."))
                    .body(containsString("Upload records instead (Supporting Documents)"));
        } else {
            page.body(not(containsString("You can upload your records instead.")));
        }
    }

    /** The admins' notice about this portal, through the API and on the directory page. */
    Map<String, Object> assertAdminNotice(String errorCode, String description) {
        Map<String, Object> notice = as("admin").get("/api/v1/admin/portal-setup-problems").then().statusCode(200)
                .extract().path("items.find { it.portalId == '" + portal.portalId + "' && it.errorCode == '"
                        + errorCode + "' }");
        assertNotNull(notice, "an admin notice for " + errorCode);
        assertEquals(description, notice.get("description"));
        as("admin").get("/admin/directory").then().statusCode(200)
                .body(containsString("data-portal=\"" + portal.portalId + "\""))
                .body(containsString(description.replace("'", "&#39;")));
        return notice;
    }

    /** Enrols a new ward in a study that allows Supporting Documents; answers the ward's id. */
    String wardInUploadStudy() {
        String person = Sandbox.ward(PARTICIPANT, "Strict Upload " + UUID.randomUUID().toString().substring(0, 8),
                "2011-05-06");
        as(PARTICIPANT).contentType(ContentType.JSON).body(Map.of("personId", person, "consentVersion", "2026-03"))
                .post("/api/v1/studies/heart-rhythm-outcomes/enrollments").then().statusCode(201);
        return person;
    }

    /** Starts a connection the portal's set-up stops at once (nothing to send the participant to); its id. */
    String startRefused(String person) {
        return as(PARTICIPANT).contentType(ContentType.JSON).body(Map.of("portalId", portal.portalId))
                .post("/api/v1/people/" + person + "/connections").then().statusCode(201)
                .body("status", equalTo("not_supported")).body("failure.code", equalTo("portal_setup_error"))
                .body("authorizeUrl", nullValue()).extract().path("id");
    }

    @Test
    void invalidScopeAtAuthorizeIsAskedOnceMoreWithTheMinimalSetThenThePortalsSetUp() {
        server.allowedScopes = java.util.Set.of("launch/patient"); // the registration allows nothing Ferry reads
        String[] started = portal.startFor(wardInUploadStudy());
        URI back = atPortal(started[1]);
        assertTrue(back.getRawQuery().contains("error=invalid_scope"), back.toString());
        // Ferry asks once more, with only what it cannot do without: the participant goes back to the portal
        String again = SmartConnectionsTest.returnToFerry(PARTICIPANT, back).then().statusCode(303).extract()
                .header("Location");
        assertTrue(again.startsWith(server.fhirBase().replace("/fhir", "/auth/authorize")), again);
        URI backAgain = atPortal(again);
        assertEquals(List.of("launch/patient offline_access patient/*.read", "launch/patient patient/*.read"),
                server.requestedScopes);
        SmartConnectionsTest.returnToFerry(PARTICIPANT, backAgain).then().statusCode(303)
                .header("Location", endsWith("/connections/" + started[0]));
        assertEquals(2, server.requestedScopes.size(), "only one retry");
        assertSetUpProblem(started[0], true, "could not be granted");
        assertAdminNotice("invalid_scope", "patient/*.read could not be granted");
    }

    @Test
    void invalidClientAtTheCodeExchangeIsThePortalsSetUp() {
        server.clientAuthentication = exchange -> false; // the portal wants a client Ferry is not
        String[] started = start();
        SmartConnectionsTest.returnToFerry(PARTICIPANT, atPortal(started[1])).then().statusCode(303);
        assertEquals(1, server.tokenRequests.get(), "a refused client is not retried");
        assertSetUpProblem(started[0], false, "client authentication failed");
        assertAdminNotice("invalid_client", "client authentication failed");
    }

    @Test
    void unauthorizedClientAtAuthorizeIsThePortalsSetUpAndItsDescriptionIsCleanedAndCapped() {
        server.authorizeError = "unauthorized_client";
        String noisy = "Client\u0000 ferry is\u200b not\n\tenabled <b>for</b> this\u202e organisation. "
                + "x".repeat(600);
        server.authorizeErrorDescription = noisy;
        String[] started = start();
        SmartConnectionsTest.returnToFerry(PARTICIPANT, atPortal(started[1])).then().statusCode(303);
        assertSetUpProblem(started[0], false, "xxxxxxxxxx");
        String expected = ("Client ferry is not enabled <b>for</b> this organisation. " + "x".repeat(600))
                .substring(0, 299) + "…";
        Map<String, Object> notice = as("admin").get("/api/v1/admin/portal-setup-problems").then().statusCode(200)
                .extract().path("items.find { it.portalId == '" + portal.portalId + "' }");
        assertEquals(expected, notice.get("description"));
        // escaped on the admin page, never markup
        as("admin").get("/admin/directory").then().body(containsString("&lt;b&gt;for&lt;/b&gt;"))
                .body(not(containsString("<b>for</b>")));
        // a second occurrence counts, it does not stack
        SmartConnectionsTest.returnToFerry(PARTICIPANT, atPortal(start()[1])).then().statusCode(303);
        Map<String, Object> counted = as("admin").get("/api/v1/admin/portal-setup-problems").then()
                .extract().path("items.find { it.portalId == '" + portal.portalId + "' }");
        assertEquals(2, counted.get("occurrences"));
        // marked fixed, it is gone (participants are never allowed to: 404, no existence oracle)
        as(PARTICIPANT).post("/api/v1/admin/portal-setup-problems/" + counted.get("id") + "/resolved").then()
                .statusCode(404);
        as(PARTICIPANT).get("/api/v1/admin/portal-setup-problems").then().statusCode(404);
        as("admin").post("/api/v1/admin/portal-setup-problems/" + counted.get("id") + "/resolved").then()
                .statusCode(204);
        Map<String, Object> gone = as("admin").get("/api/v1/admin/portal-setup-problems").then()
                .extract().path("items.find { it.portalId == '" + portal.portalId + "' }");
        assertNull(gone);
        as("admin").post("/api/v1/admin/portal-setup-problems/" + counted.get("id") + "/resolved").then()
                .statusCode(404);
    }

    @Test
    void missingDiscoveryIsThePortalsSetUpAtOnce() {
        server.discoveryStatus = 404;
        String started = startRefused(wardInUploadStudy());
        assertEquals(1, server.discoveries.get(), "a 404 is not retried");
        assertSetUpProblem(started, true, "HTTP 404");
        assertAdminNotice("discovery_unusable", ".well-known/smart-configuration answered HTTP 404");
    }

    @Test
    void discoveryWithoutATokenEndpointIsThePortalsSetUp() {
        server.discoveryWithoutTokenEndpoint = true;
        String started = startRefused(Sandbox.ward(PARTICIPANT, "Strict " + UUID.randomUUID().toString()
                .substring(0, 8), "2012-03-04"));
        assertSetUpProblem(started, false, "token_endpoint");
        assertAdminNotice("discovery_unusable", ".well-known/smart-configuration has no usable token_endpoint "
                + "(absolute https, or http on the FHIR base's host)");
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

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403})
    void aRevokedGrantOnRefreshIsReconnectRequiredAtOnce(int status) {
        UUID id = UUID.fromString(connected());
        int before = server.tokenRequests.get();
        server.refusedGrantStatus = status;
        server.grantsRevoked = true; // invalid_grant, as the EHR answered (403) and others do (400, 401)
        assertTrue(access.open(id).isEmpty());
        assertEquals(before + 1, server.tokenRequests.get(), "no retries of a refused refresh");
        as(PARTICIPANT).get("/api/v1/connections/" + id).then().body("status", equalTo("action_required"))
                .body("failure.code", equalTo("reconnect_required"));
        as(PARTICIPANT).get("/connections/" + id).then().statusCode(200).body(containsString("Reconnect"));
    }

    @Test
    void aTokenEndpointThatIsDownDuringARefreshIsUnavailableNotTheParticipantsFault() {
        UUID id = UUID.fromString(connected());
        server.tokenEndpointDown = true;
        int before = server.tokenRequests.get();
        assertThrows(PortalUnavailable.class, () -> access.open(id));
        assertEquals(before + 3, server.tokenRequests.get(), "an outage is retried (with backoff)");
        as(PARTICIPANT).get("/api/v1/connections/" + id).then().body("status", equalTo("connected"))
                .body("failure", nullValue());
        as(PARTICIPANT).get("/connections/" + id).then().statusCode(200)
                .body(not(containsString("access has ended"))).body(not(containsString("Reconnect")));
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

    @Test
    void discoveryThatBreaksUnderAWorkingConnectionTellsAdminsAndKeepsTheConnection() {
        UUID id = UUID.fromString(connected());
        server.discoveryStatus = 404;
        // past the discovery cache's hour (and the access token's life): the refresh fetches discovery again
        QuarkusMock.installMockForType(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(61)), Clock.class);
        assertThrows(PortalUnavailable.class, () -> access.open(id));
        as(PARTICIPANT).get("/api/v1/connections/" + id).then().body("status", equalTo("connected"))
                .body("failure", nullValue());
        assertAdminNotice("discovery_unusable", ".well-known/smart-configuration answered HTTP 404");
    }

    @Test
    void theSweepEndsAnAuthorizationNobodyCameBackFromWithoutAnyoneLooking() {
        server.authorize = StrictSmartServer.Authorize.DENY_WITHOUT_REDIRECT;
        String[] started = start();
        UUID id = UUID.fromString(started[0]);
        assertNull(atPortal(started[1]));
        stale.expire();
        assertEquals(ConnectionStatus.AUTHORIZING, statusOf(id), "within the state's lifetime it waits");
        QuarkusMock.installMockForType(Clock.offset(Clock.systemUTC(),
                SmartAuthorizations.STATE_LIFETIME.plus(Duration.ofMinutes(1))), Clock.class);
        assertTrue(stale.expire() >= 1);
        assertEquals(ConnectionStatus.ACTION_REQUIRED, statusOf(id), "ended by the sweep, before any look");
        as(PARTICIPANT).get("/api/v1/connections/" + id).then().body("failure.code", equalTo("authorization_declined"));
        as(PARTICIPANT).get("/connections/" + id).then().statusCode(200)
                .body(containsString("Access was not granted")).body(containsString("Start again"));
    }

    private ConnectionStatus statusOf(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> connections.findById(id).status());
    }
}
