package health.ferry.connections;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sync's way in: a connected portal's FHIR base, patient and a working access token, for both methods. */
@QuarkusTest
class PortalAccessTest {
    @Inject
    PortalAccess access;

    @Test
    void aCredentialConnectionReadsThePatientsRecords() {
        String id = Sandbox.connect("erin", Sandbox.ward("erin", "Access Cred", "2011-11-11"), "demo", "demo");
        assertEquals("connected", Sandbox.settled("erin", id).getString("status"));
        PortalAccess.Session s = access.open(UUID.fromString(id)).orElseThrow();
        assertTrue(s.fhirBase().toString().endsWith("/sandbox/fhir"));
        given().auth().oauth2(s.accessToken()).get(s.fhirBase() + "/Condition?patient=" + s.patientId()).then()
                .statusCode(200).body("resourceType", org.hamcrest.Matchers.equalTo("Bundle"));
        PortalAccess.Session again = access.reopen(UUID.fromString(id)).orElseThrow();
        assertTrue(!again.accessToken().equals(s.accessToken()), "a credential session is renewed by a new sign-in");
    }

    @Test
    void aSmartConnectionReadsWithItsTokenAndDisconnectedOnesDoNot() {
        String[] started = SmartConnectionsTest.start("erin", Sandbox.ward("erin", "Access Smart", "2012-01-12"));
        SmartConnectionsTest.returnToFerry("erin", SmartConnectionsTest.signInAtPortal(started[1], "demo"));
        UUID id = UUID.fromString(started[0]);
        PortalAccess.Session s = access.open(id).orElseThrow();
        given().auth().oauth2(s.accessToken()).get(s.fhirBase() + "/Patient/" + s.patientId()).then()
                .statusCode(200);
        assertTrue(access.reopen(id).isPresent(), "a forced refresh gives a fresh token");
        health.ferry.Tokens.as("erin").delete("/api/v1/connections/" + id).then().statusCode(204);
        assertTrue(access.open(id).isEmpty());
    }
}
