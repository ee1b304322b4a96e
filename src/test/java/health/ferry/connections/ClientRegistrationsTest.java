package health.ferry.connections;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.connections.smart.ClientRegistrations;
import health.ferry.connections.smart.ClientRegistrations.Source;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Ferry's client registrations in the directory (issue 23, item 2), through the admin API against the strict SMART
 * server: a portal's registration beats its brand's (EHR vendor), which beats {@code ferry.smart.clients}, which beats
 * a public client; a client secret is sealed and never answered; client_secret_basic and private_key_jwt (verified
 * against Ferry's JWKS URL) connect and refresh.
 */
@QuarkusTest
@TestProfile(ClientRegistrationsTest.Keys.class)
class ClientRegistrationsTest {
    static final String PARTICIPANT = "erin";
    static final String ADMIN = "admin";

    /**
     * Ferry's named signing keys (one for these tests, two for {@link KeyRotationTest}) and one portal server
     * registered in configuration. Chosen values are kept in system properties: the profile and the tests may be
     * loaded by different class loaders.
     */
    public static class Keys implements QuarkusTestProfile {
        static final int CONFIGURED_PORT = port();
        static final Path JWT_KEY = key("reg-jwt", "RSA");
        static final Path ROTATION_1 = key("rot-1", "RSA");
        static final Path ROTATION_2 = key("rot-2", "EC");

        /**
         * The kid of a test key: its name and a suffix of this run, as a retirement stays in a shared database (the
         * PostgreSQL suite) and a later run must find its keys current.
         */
        static String kid(String name) {
            String property = "ferry.test.registrations.run";
            if (System.getProperty(property) == null) {
                System.setProperty(property, UUID.randomUUID().toString().substring(0, 8));
            }
            return name + "-" + System.getProperty(property);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            config.put("ferry.jwks.keys.\"" + kid("reg-jwt") + "\"", JWT_KEY.toString());
            config.put("ferry.jwks.keys.\"" + kid("rot-1") + "\"", ROTATION_1.toString());
            config.put("ferry.jwks.keys.\"" + kid("rot-2") + "\"", ROTATION_2.toString());
            config.put("ferry.smart.clients.\"localhost:" + CONFIGURED_PORT + "\".client-id", "from-configuration");
            return health.ferry.OwnDatabase.with("ferry-client-registrations", config);
        }

        private static int port() {
            String property = "ferry.test.registrations.port";
            if (System.getProperty(property) == null) {
                try (ServerSocket s = new ServerSocket(0)) {
                    System.setProperty(property, Integer.toString(s.getLocalPort()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return Integer.parseInt(System.getProperty(property));
        }

        /** A PKCS#8 PEM private key: RSA 2048 or EC P-384. */
        private static Path key(String kid, String algorithm) {
            String property = "ferry.test.registrations.key." + kid;
            if (System.getProperty(property) == null) {
                try {
                    KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
                    if ("EC".equals(algorithm)) {
                        g.initialize(new ECGenParameterSpec("secp384r1"));
                    } else {
                        g.initialize(2048);
                    }
                    Path file = Files.createTempFile("ferry-" + kid, ".pem");
                    Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder()
                            .encodeToString(g.generateKeyPair().getPrivate().getEncoded())
                            + "\n-----END PRIVATE KEY-----\n");
                    file.toFile().deleteOnExit();
                    System.setProperty(property, file.toString());
                } catch (IOException | GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
            return Path.of(System.getProperty(property));
        }
    }

    @Inject
    PortalAccess access;
    @Inject
    ClientRegistrations registrations;
    @Inject
    EntityManager em;

    static Response put(String path, Map<String, Object> body) {
        return as(ADMIN).contentType(ContentType.JSON).body(body).put("/api/v1/admin/" + path);
    }

    static String brand() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aPortalsRegistrationBeatsItsBrandsWhichBeatsConfigurationWhichBeatsAPublicClient() throws IOException {
        String brand = brand();
        try (StrictPortal portal = new StrictPortal(PARTICIPANT, new StrictSmartServer(Keys.CONFIGURED_PORT),
                brand)) {
            URI base = URI.create(portal.server.fhirBase());
            UUID portalId = UUID.fromString(portal.portalId);
            assertEquals(Source.CONFIGURATION, registrations.forBase(base).source());
            portal.server.clientId = "from-configuration";
            assertConnects(portal);

            put("brands/" + brand + "/client-registration", Map.of("clientId", "from-brand", "authMethod", "public"))
                    .then().statusCode(200).body("brand", equalTo(brand)).body("authMethod", equalTo("public"));
            assertEquals(Source.BRAND, registrations.forBase(base).source());
            assertEquals("from-brand", registrations.forPortal(portalId, brand, base).clientId());
            portal.server.clientId = "from-brand";
            assertConnects(portal);

            put("portals/" + portal.portalId + "/client-registration", Map.of("clientId", "from-portal",
                    "authMethod", "public")).then().statusCode(200).body("portalId", equalTo(portal.portalId));
            assertEquals(Source.PORTAL, registrations.forBase(base).source());
            portal.server.clientId = "from-portal";
            assertConnects(portal);
            as(ADMIN).get("/api/v1/admin/client-registrations").then().statusCode(200)
                    .body("items.clientId", hasItems("from-portal", "from-brand"));

            as(ADMIN).delete("/api/v1/admin/portals/" + portal.portalId + "/client-registration").then()
                    .statusCode(204);
            assertEquals("from-brand", registrations.forBase(base).clientId());
            as(ADMIN).delete("/api/v1/admin/brands/" + brand + "/client-registration").then().statusCode(204);
            assertEquals("from-configuration", registrations.forBase(base).clientId());
            assertEquals(Source.DEFAULT, registrations.forPortal(null, null,
                    URI.create("https://elsewhere.example/fhir")).source());
        }
    }

    private static void assertConnects(StrictPortal portal) {
        String id = portal.connected();
        as(PARTICIPANT).get("/api/v1/connections/" + id).then().body("status", equalTo("connected"));
    }

    @Test
    void aClientSecretIsSealedNeverAnsweredAndConnectsAsHttpBasic() throws IOException {
        String secret = "s3cr:t/+& " + UUID.randomUUID();
        try (StrictPortal portal = new StrictPortal(PARTICIPANT, new StrictSmartServer())) {
            Response saved = put("portals/" + portal.portalId + "/client-registration", Map.of("clientId",
                    "ferry confidential", "authMethod", "client_secret_basic", "secret", secret));
            saved.then().statusCode(200).body("secretStored", equalTo(true)).body("authMethod",
                    equalTo("client_secret_basic"));
            assertFalse(saved.asString().contains(secret), saved.asString());
            String list = as(ADMIN).get("/api/v1/admin/client-registrations").then().statusCode(200).extract()
                    .asString();
            assertFalse(list.contains(secret) || list.contains("s3cr"), list);
            String openApi = io.restassured.RestAssured.given().get("/q/openapi?format=json").asString();
            assertTrue(openApi.contains("/api/v1/admin/portals/{portalId}/client-registration"));
            // stored only as ciphertext
            byte[] sealed = QuarkusTransaction.requiringNew().call(() -> (byte[]) em.createNativeQuery(
                    "select s.sealed from client_secret s join client_registration r on r.secret_id = s.id "
                            + "where r.portal_id = ?1").setParameter(1, UUID.fromString(portal.portalId))
                    .getSingleResult());
            assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("s3cr"));

            StrictSmartServer server = portal.server;
            server.clientId = "ferry confidential";
            String expected = "Basic " + Base64.getEncoder().encodeToString(("ferry+confidential:"
                    + java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            server.clientAuthentication = request -> expected.equals(request.authorization())
                    && !request.form().containsKey("client_secret");
            UUID id = UUID.fromString(portal.connected());
            assertTrue(access.open(id).isPresent(), "the refresh authenticates too");
            assertEquals(2, server.tokenRequests.get());

            // replacing without a secret keeps the stored one; the old sealed row goes when a new secret comes
            put("portals/" + portal.portalId + "/client-registration", Map.of("clientId", "ferry confidential",
                    "authMethod", "client_secret_basic")).then().statusCode(200).body("secretStored", equalTo(true));
            assertTrue(access.open(id).isPresent(), "still the same secret");
            as(ADMIN).delete("/api/v1/admin/portals/" + portal.portalId + "/client-registration").then()
                    .statusCode(204);
            long left = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from client_registration where portal_id = ?1")
                    .setParameter(1, UUID.fromString(portal.portalId)).getSingleResult()).longValue());
            assertEquals(0, left);
        }
    }

    @Test
    void aSignedAssertionVerifiesAgainstFerrysJwks() throws IOException {
        try (StrictPortal portal = new StrictPortal(PARTICIPANT, new StrictSmartServer())) {
            put("portals/" + portal.portalId + "/client-registration", Map.of("clientId", "ferry-jwt",
                    "authMethod", "private_key_jwt", "keyId", Keys.kid("reg-jwt"))).then().statusCode(200)
                    .body("keyId", equalTo(Keys.kid("reg-jwt"))).body("secretStored", equalTo(false));
            List<String> kids = Collections.synchronizedList(new ArrayList<>());
            portal.server.clientId = "ferry-jwt";
            portal.server.clientAuthentication = FerryJwks.verifier("ferry-jwt", kids);
            UUID id = UUID.fromString(portal.connected());
            assertTrue(access.open(id).isPresent(), "the refresh signs a new assertion");
            assertEquals(List.of(Keys.kid("reg-jwt"), Keys.kid("reg-jwt")), kids);
            assertEquals("RS384", FerryJwks.key(Keys.kid("reg-jwt")).path("alg").asText());
        }
    }

    @Test
    void badRegistrationsAreRefusedFieldByField() throws IOException {
        try (StrictPortal portal = new StrictPortal(PARTICIPANT, new StrictSmartServer())) {
            String path = "portals/" + portal.portalId + "/client-registration";
            put(path, Map.of("authMethod", "magic")).then().statusCode(400)
                    .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                    .body("code", equalTo("validation_failed"))
                    .body("errors.field", hasItems("clientId", "authMethod"));
            put(path, Map.of("clientId", "c", "authMethod", "client_secret_basic")).then().statusCode(400)
                    .body("errors.field", equalTo(List.of("secret")));
            put(path, Map.of("clientId", "c", "authMethod", "public", "secret", "x", "keyId",
                    Keys.kid("reg-jwt"))).then().statusCode(400)
                    .body("errors.field", equalTo(List.of("secret", "keyId")));
            put(path, Map.of("clientId", "c", "authMethod", "private_key_jwt", "keyId", "no-such-key")).then()
                    .statusCode(400).body("errors[0].field", equalTo("keyId"));
            put(path, Map.of("clientId", "line\nbreak", "authMethod", "public")).then().statusCode(400)
                    .body("errors[0].field", equalTo("clientId"));
            put("brands/Not A Brand!/client-registration", Map.of("clientId", "c", "authMethod", "public")).then()
                    .statusCode(400).body("errors[0].field", equalTo("brand"));
            put("portals/" + UUID.randomUUID() + "/client-registration", Map.of("clientId", "c", "authMethod",
                    "public")).then().statusCode(404);
            as(ADMIN).get("/api/v1/admin/client-registrations").then().statusCode(200)
                    .body("items.findAll { it.portalId == '" + portal.portalId + "' }.size()", equalTo(0));
        }
    }

    @Test
    void theAdminsDirectoryPageSavesShowsAndRemovesARegistrationAndNeverTheSecret() {
        String brand = brand();
        String secret = "page-secret-" + UUID.randomUUID();
        health.ferry.PageSession page = health.ferry.PageSession.open(ADMIN, "/admin/directory");
        page.form(Map.of("scope", "brand", "brand", brand, "clientId", "ferry-by-page", "authMethod",
                "client_secret_basic", "secret", secret)).post("/admin/directory/client-registrations").then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/admin/directory#client-registrations"));
        String shown = as(ADMIN).get("/admin/directory").then().statusCode(200).extract().asString();
        assertTrue(shown.contains("every portal on " + brand), shown);
        assertTrue(shown.contains("ferry-by-page") && shown.contains("Client secret (HTTP Basic)"));
        assertTrue(shown.contains(Keys.kid("reg-jwt") + " (RS384)") && shown.contains("/.well-known/jwks.json"));
        assertFalse(shown.contains(secret));

        String refused = page.form(Map.of("scope", "brand", "brand", brand, "clientId", "", "authMethod",
                "private_key_jwt", "secret", secret)).post("/admin/directory/client-registrations").then()
                .statusCode(400).extract().asString();
        assertTrue(refused.contains("Enter the client id the portal gave Ferry."), refused);
        assertTrue(refused.contains("Only a registration that signs in with a client secret has a secret."), refused);
        assertTrue(refused.contains("current signing keys."), refused);
        assertFalse(refused.contains(secret), "the secret is never echoed");
        assertFalse(java.util.regex.Pattern.compile("\\b[a-z]+_[a-z_]+\\b").matcher(refused.replaceAll("<[^>]*>", " "))
                .find(), "no machine codes on the page");

        page.form(Map.of("brand", brand)).post("/admin/directory/client-registrations/removed").then()
                .statusCode(303);
        assertFalse(as(ADMIN).get("/admin/directory").asString().contains("every portal on " + brand));
    }
}
