package health.ferry.connections;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rotating Ferry's signing key under a live private_key_jwt connection, with a portal that verifies every client
 * assertion against Ferry's JWKS URL: connect with key 1; key 2 is already published; switch the registration to key
 * 2 and the connection's next refresh signs with it; retire key 1 and it leaves the JWKS (an assertion signed with it
 * no longer verifies) while the connection keeps refreshing; a key still in use cannot be retired.
 */
@QuarkusTest
@TestProfile(ClientRegistrationsTest.Keys.class)
class KeyRotationTest {
    private static final String KEY_1 = ClientRegistrationsTest.Keys.kid("rot-1");
    private static final String KEY_2 = ClientRegistrationsTest.Keys.kid("rot-2");

    @Inject
    PortalAccess access;

    @Test
    void aLiveConnectionKeepsRefreshingAcrossARotation() throws IOException {
        try (StrictPortal portal = new StrictPortal(ClientRegistrationsTest.PARTICIPANT, new StrictSmartServer())) {
            String path = "portals/" + portal.portalId + "/client-registration";
            ClientRegistrationsTest.put(path, Map.of("clientId", "ferry-rotating", "authMethod", "private_key_jwt",
                    "keyId", KEY_1)).then().statusCode(200);
            List<String> kids = Collections.synchronizedList(new ArrayList<>());
            List<String> assertions = Collections.synchronizedList(new ArrayList<>());
            StrictSmartServer server = portal.server;
            server.clientId = "ferry-rotating";
            var verifier = FerryJwks.verifier("ferry-rotating", kids);
            server.clientAuthentication = request -> {
                assertions.add(request.form().getOrDefault("client_assertion", ""));
                return verifier.test(request);
            };
            UUID id = UUID.fromString(portal.connected());
            assertEquals(List.of(KEY_1), kids);
            String signedWithKey1 = assertions.get(0);

            // both keys are published before the switch, so portals have the new one cached when it is used
            assertNotNull(FerryJwks.key(KEY_1));
            assertEquals("ES384", FerryJwks.key(KEY_2).path("alg").asText());
            ClientRegistrationsTest.put(path, Map.of("clientId", "ferry-rotating", "authMethod", "private_key_jwt",
                    "keyId", KEY_2)).then().statusCode(200).body("keyId", equalTo(KEY_2));
            assertTrue(access.open(id).isPresent(), "the live connection refreshes with the new key");
            assertEquals(List.of(KEY_1, KEY_2), kids);
            assertNotNull(FerryJwks.key(KEY_1), "the previous key stays published until it is retired");

            as(ClientRegistrationsTest.ADMIN).post("/api/v1/admin/signing-keys/" + KEY_2 + "/retired").then()
                    .statusCode(409)
                    .body("code", equalTo("conflict"));
            as(ClientRegistrationsTest.ADMIN).post("/api/v1/admin/signing-keys/" + KEY_1 + "/retired").then()
                    .statusCode(200)
                    .body("kid", equalTo(KEY_1)).body("retired", equalTo(true));
            assertNull(FerryJwks.key(KEY_1), "a retired key leaves the JWKS");
            assertNotNull(FerryJwks.key(KEY_2));
            assertFalse(FerryJwks.verifies(signedWithKey1, "ferry-rotating", server.tokenEndpoint().toString()),
                    "what was signed with the retired key no longer verifies");
            as(ClientRegistrationsTest.ADMIN).get("/api/v1/admin/signing-keys").then().statusCode(200)
                    .body("items.find { it.kid == '" + KEY_1 + "' }.retired", equalTo(true))
                    .body("items.find { it.kid == '" + KEY_2 + "' }.registrations", equalTo(1));
            ClientRegistrationsTest.put(path, Map.of("clientId", "ferry-rotating", "authMethod", "private_key_jwt",
                    "keyId", KEY_1)).then().statusCode(400).body("errors[0].field", equalTo("keyId"));

            assertTrue(access.open(id).isPresent(), "and keeps refreshing after the old key is retired");
            assertEquals(List.of(KEY_1, KEY_2, KEY_2), kids);
            as(ClientRegistrationsTest.PARTICIPANT).get("/api/v1/connections/" + id).then()
                    .body("status", equalTo("connected"));
        }
    }
}
