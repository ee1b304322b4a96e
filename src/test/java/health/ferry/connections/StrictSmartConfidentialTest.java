package health.ferry.connections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Confidential SMART clients against a strict server that requires client authentication: a client secret
 * ({@code client_secret_basic}) and a signed client assertion ({@code private_key_jwt}, RS384 and ES384), each
 * configured per portal ({@code ferry.smart.clients."<host:port>"}), for the code exchange and for refresh.
 */
@QuarkusTest
@TestProfile(StrictSmartConfidentialTest.Registrations.class)
class StrictSmartConfidentialTest {
    static final String PARTICIPANT = "erin";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Three portals on ports chosen here, each with Ferry's registration there, and the keys written for it. What is
     * chosen is kept in system properties: the profile and the test may be loaded by different class loaders.
     */
    public static class Registrations implements QuarkusTestProfile {
        static final int SECRET_PORT = port("secret");
        static final int RSA_PORT = port("rsa");
        static final int EC_PORT = port("ec");
        static final Path RSA_KEY = key("RSA", null);
        static final Path EC_KEY = key("EC", "secp384r1");
        /** A key only published (the next one of a rotation): in the JWKS, never used to sign. */
        static final Path NEXT_KEY = key("RSA", null, "next");

        @Override
        public Map<String, String> getConfigOverrides() {
            String prefix = "ferry.smart.clients.\"localhost:";
            return health.ferry.OwnDatabase.with("ferry-strict-smart", Map.of(
                    prefix + SECRET_PORT + "\".client-id", "ferry confidential",
                    prefix + SECRET_PORT + "\".secret", "s3cr:t/+&",
                    prefix + RSA_PORT + "\".client-id", "ferry-rsa",
                    prefix + RSA_PORT + "\".jwt-key-file", RSA_KEY.toString(),
                    prefix + RSA_PORT + "\".jwt-key-id", "rsa-1",
                    prefix + EC_PORT + "\".client-id", "ferry-ec",
                    prefix + EC_PORT + "\".jwt-key-file", EC_KEY.toString(),
                    prefix + EC_PORT + "\".jwt-key-id", "ec-1",
                    "ferry.jwks.published-key-files", NEXT_KEY.toString()));
        }

        private static int port(String name) {
            String key = "ferry.test.strict-smart.port." + name;
            if (System.getProperty(key) == null) {
                try (ServerSocket s = new ServerSocket(0)) {
                    System.setProperty(key, Integer.toString(s.getLocalPort()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return Integer.parseInt(System.getProperty(key));
        }

        /** A private key (PKCS#8 PEM) with its public key beside it ({@code .pub}, X.509 DER). */
        private static Path key(String algorithm, String curve) {
            return key(algorithm, curve, "");
        }

        private static Path key(String algorithm, String curve, String purpose) {
            String property = "ferry.test.strict-smart.key." + algorithm + purpose;
            if (System.getProperty(property) == null) {
                try {
                    KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
                    if (curve != null) {
                        g.initialize(new ECGenParameterSpec(curve));
                    } else {
                        g.initialize(2048);
                    }
                    KeyPair pair = g.generateKeyPair();
                    Path file = Files.createTempFile("ferry-smart-key", ".pem");
                    Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder()
                            .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
                    Files.write(Path.of(file + ".pub"), pair.getPublic().getEncoded());
                    file.toFile().deleteOnExit();
                    Path.of(file + ".pub").toFile().deleteOnExit();
                    System.setProperty(property, file.toString());
                } catch (IOException | GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
            return Path.of(System.getProperty(property));
        }

        static PublicKey publicKey(Path privateKeyFile, String algorithm) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(
                        Files.readAllBytes(Path.of(privateKeyFile + ".pub"))));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    PortalAccess access;

    @Test
    void aClientSecretIsSentAsHttpBasic() throws IOException {
        try (StrictPortal portal = new StrictPortal(PARTICIPANT, new StrictSmartServer(Registrations.SECRET_PORT))) {
            StrictSmartServer server = portal.server;
            server.clientId = "ferry confidential";
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    "ferry+confidential:s3cr%3At%2F%2B%26".getBytes(StandardCharsets.UTF_8));
            server.clientAuthentication = request -> expected.equals(request.authorization())
                    && !request.form().containsKey("client_secret");
            UUID id = UUID.fromString(portal.connected());
            assertTrue(access.open(id).isPresent(), "the refresh authenticates too");
            assertEquals(2, server.tokenRequests.get());
            assertTrue(server.tokenAuthorizations.stream().allMatch(expected::equals));
        }
    }

    @Test
    void aSignedAssertionRs384() throws IOException {
        assertions(Registrations.RSA_PORT, "ferry-rsa", "RS384", "rsa-1",
                Registrations.publicKey(Registrations.RSA_KEY, "RSA"), "SHA384withRSA");
    }

    @Test
    void aSignedAssertionEs384() throws IOException {
        assertions(Registrations.EC_PORT, "ferry-ec", "ES384", "ec-1",
                Registrations.publicKey(Registrations.EC_KEY, "EC"), "SHA384withECDSAinP1363Format");
    }

    private void assertions(int port, String clientId, String alg, String kid, PublicKey key, String verifier)
            throws IOException {
        Set<String> jtis = new HashSet<>();
        try (StrictPortal portal = new StrictPortal(PARTICIPANT, new StrictSmartServer(port))) {
            StrictSmartServer server = portal.server;
            server.clientId = clientId;
            server.clientAuthentication = request -> {
                Map<String, String> f = request.form();
                if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(f.get("client_assertion_type"))
                        || f.containsKey("client_secret")) {
                    return false;
                }
                String[] jwt = f.getOrDefault("client_assertion", "").split("\\.");
                if (jwt.length != 3) {
                    return false;
                }
                JsonNode header = decode(jwt[0]);
                JsonNode claims = decode(jwt[1]);
                long now = Instant.now().getEpochSecond();
                long exp = claims.path("exp").asLong();
                return verifies(key, verifier, jwt) && alg.equals(header.path("alg").asText())
                        && kid.equals(header.path("kid").asText())
                        && clientId.equals(claims.path("iss").asText()) && clientId.equals(claims.path("sub").asText())
                        && request.tokenEndpoint().toString().equals(claims.path("aud").asText())
                        && exp > now && exp <= now + 300 && jtis.add(claims.path("jti").asText(""))
                        && !claims.path("jti").asText("").isEmpty();
            };
            UUID id = UUID.fromString(portal.connected());
            assertTrue(access.open(id).isPresent(), "the refresh authenticates with a new assertion");
            assertEquals(2, jtis.size(), "a new jti for each request");
            assertFalse(server.tokenAuthorizations.stream().anyMatch(a -> a.startsWith("Basic")));
        }
    }

    private static JsonNode decode(String part) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (IOException | IllegalArgumentException e) {
            return JSON.createObjectNode();
        }
    }

    private static boolean verifies(PublicKey key, String algorithm, String[] jwt) {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initVerify(key);
            s.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
            return s.verify(Base64.getUrlDecoder().decode(jwt[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Test
    void ferrysJwksUrlPublishesEachSigningKeyAndTheNextOneToEveryone() throws GeneralSecurityException {
        io.restassured.path.json.JsonPath jwks = io.restassured.RestAssured.given().get("/.well-known/jwks.json")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("application/jwk-set+json"))
                .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age=3600")).extract().jsonPath();
        List<Map<String, String>> keys = jwks.getList("keys");
        assertEquals(3, keys.size(), keys::toString);
        Map<String, String> rsa = keys.stream().filter(k -> "rsa-1".equals(k.get("kid"))).findFirst().orElseThrow();
        assertEquals("RS384", rsa.get("alg"));
        assertEquals("sig", rsa.get("use"));
        java.security.spec.RSAPublicKeySpec rsaSpec = new java.security.spec.RSAPublicKeySpec(
                new java.math.BigInteger(1, Base64.getUrlDecoder().decode(rsa.get("n"))),
                new java.math.BigInteger(1, Base64.getUrlDecoder().decode(rsa.get("e"))));
        assertArrayEquals(Registrations.publicKey(Registrations.RSA_KEY, "RSA").getEncoded(),
                KeyFactory.getInstance("RSA").generatePublic(rsaSpec).getEncoded());
        Map<String, String> ec = keys.stream().filter(k -> "ec-1".equals(k.get("kid"))).findFirst().orElseThrow();
        assertEquals("ES384", ec.get("alg"));
        assertEquals("P-384", ec.get("crv"));
        java.security.interfaces.ECPublicKey expected = (java.security.interfaces.ECPublicKey) Registrations
                .publicKey(Registrations.EC_KEY, "EC");
        assertEquals(expected.getW(), new java.security.spec.ECPoint(
                new java.math.BigInteger(1, Base64.getUrlDecoder().decode(ec.get("x"))),
                new java.math.BigInteger(1, Base64.getUrlDecoder().decode(ec.get("y")))));
        // The next key of a rotation: published under its RFC 7638 thumbprint, so portals cache it before use.
        Map<String, String> next = keys.stream().filter(k -> !"rsa-1".equals(k.get("kid"))
                && !"ec-1".equals(k.get("kid"))).findFirst().orElseThrow();
        java.security.spec.RSAPublicKeySpec nextSpec = new java.security.spec.RSAPublicKeySpec(
                new java.math.BigInteger(1, Base64.getUrlDecoder().decode(next.get("n"))),
                new java.math.BigInteger(1, Base64.getUrlDecoder().decode(next.get("e"))));
        assertArrayEquals(Registrations.publicKey(Registrations.NEXT_KEY, "RSA").getEncoded(),
                KeyFactory.getInstance("RSA").generatePublic(nextSpec).getEncoded());
        String thumbprintInput = "{\"e\":\"" + next.get("e") + "\",\"kty\":\"RSA\",\"n\":\"" + next.get("n") + "\"}";
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest
                .getInstance("SHA-256").digest(thumbprintInput.getBytes(StandardCharsets.UTF_8))), next.get("kid"));
        // No private members, ever.
        keys.forEach(k -> assertTrue(java.util.Collections.disjoint(k.keySet(),
                java.util.Set.of("d", "p", "q", "dp", "dq", "qi")), k::toString));
    }
}
