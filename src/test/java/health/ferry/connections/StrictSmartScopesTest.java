package health.ferry.connections;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Scopes against a strict portal that refuses any scope the client is not registered for: Ferry asks only for what
 * sync uses, intersected with the portal's {@code scopes_supported}, and connects online-only when there is no
 * {@code offline_access}.
 */
@QuarkusTest
class StrictSmartScopesTest extends StrictPortalTest {
    @Inject
    PortalAccess access;

    private String lastScope() {
        return server.requestedScopes.get(server.requestedScopes.size() - 1);
    }

    @Test
    void aClientAllowedOnlyLaunchPatientOfflineAndPatientReadConnects() {
        // the row: registered for exactly these, and discovery says so
        portal.connected();
        assertEquals("launch/patient offline_access patient/*.read", lastScope());
    }

    @Test
    void withoutScopesSupportedFerryAsksForTheV1SetItUses() {
        server.scopesSupported = null;
        portal.connected();
        assertEquals("launch/patient offline_access patient/*.read", lastScope());
    }

    @Test
    void v2ScopesArePreferredWhenThePortalOffersThem() {
        server.scopesSupported = List.of("launch/patient", "offline_access", "openid", "fhirUser", "patient/*.read",
                "patient/*.rs");
        server.allowedScopes = Set.copyOf(server.scopesSupported);
        portal.connected();
        assertEquals("launch/patient offline_access patient/*.rs", lastScope(), "neither openid nor fhirUser");
    }

    @Test
    void aPortalListingPerTypeScopesGetsThoseOfTheTypesSyncReads() {
        server.scopesSupported = List.of("launch/patient", "offline_access", "patient/Observation.read",
                "patient/Condition.rs", "patient/Condition.read", "patient/Claim.read");
        server.allowedScopes = Set.copyOf(server.scopesSupported);
        portal.connected();
        assertEquals("launch/patient offline_access patient/Condition.rs patient/Observation.read", lastScope());
    }

    @Test
    void withoutOfflineAccessTheConnectionIsOnlineOnlyAndSaysSo() {
        server.scopesSupported = List.of("launch/patient", "patient/*.read");
        server.allowedScopes = Set.copyOf(server.scopesSupported);
        String id = portal.connected();
        assertEquals("launch/patient patient/*.read", lastScope());
        as(PARTICIPANT).get("/api/v1/connections/" + id).then().body("accessEndsAt", notNullValue());
        as(PARTICIPANT).get("/connections/" + id).then().statusCode(200)
                .body(containsString("Your access through this portal ends on"));
        int before = server.tokenRequests.get();
        // the access token ends (5 s, so it is due now): no refresh token to use, reconnect required
        assertTrue(access.open(UUID.fromString(id)).isEmpty());
        assertEquals(before, server.tokenRequests.get(), "nothing to refresh with");
        as(PARTICIPANT).get("/api/v1/connections/" + id).then().body("failure.code", equalTo("reconnect_required"));
    }

    @Test
    void aRefusedOfflineAccessIsAskedOnceMoreWithTheMinimalSetAndConnectsOnlineOnly() {
        // discovery offers offline_access, but this client's registration does not allow it: invalid_scope
        server.allowedScopes = Set.of("launch/patient", "patient/*.read");
        String[] started = portal.start();
        java.net.URI back = StrictPortal.atPortal(started[1]);
        assertTrue(back.getRawQuery().contains("error=invalid_scope"), back.toString());
        String again = SmartConnectionsTest.returnToFerry(PARTICIPANT, back).then().statusCode(303).extract()
                .header("Location");
        SmartConnectionsTest.returnToFerry(PARTICIPANT, StrictPortal.atPortal(again)).then().statusCode(303);
        assertEquals(List.of("launch/patient offline_access patient/*.read", "launch/patient patient/*.read"),
                server.requestedScopes);
        as(PARTICIPANT).get("/api/v1/connections/" + started[0]).then().body("status", equalTo("connected"))
                .body("accessEndsAt", notNullValue());
        as(PARTICIPANT).get("/connections/" + started[0]).then().statusCode(200)
                .body(containsString("Your access through this portal ends on"))
                .body(containsString("Reconnect to keep receiving records."));
        // when the access token ends: reconnect_required, in plain words
        assertTrue(access.open(UUID.fromString(started[0])).isEmpty());
        as(PARTICIPANT).get("/api/v1/connections/" + started[0]).then()
                .body("failure.code", equalTo("reconnect_required"))
                .body("failure.message", equalTo("Ferry's access to this portal has ended or was withdrawn. The "
                        + "records you already received are kept."));
    }
}
