package health.ferry.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a portal does with a {@code private_key_jwt} client assertion: fetches Ferry's JWKS URL, finds the key by the
 * assertion's kid and verifies the signature (RS384 or ES384) and the claims, as a {@link StrictSmartServer} check.
 */
final class FerryJwks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FerryJwks() {
    }

    /** A client authentication check for this client id, verifying against Ferry's JWKS as published now. */
    static Predicate<StrictSmartServer.HttpExchangeView> verifier(String clientId, List<String> kidsSeen) {
        return request -> {
            Map<String, String> f = request.form();
            if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(f.get("client_assertion_type"))
                    || f.containsKey("client_id") && !clientId.equals(f.get("client_id"))) {
                return false;
            }
            String assertion = f.getOrDefault("client_assertion", "");
            kidsSeen.add(decode(assertion.split("\\.")[0]).path("kid").asText(""));
            return verifies(assertion, clientId, request.tokenEndpoint().toString());
        };
    }

    /** Whether the assertion verifies with the key of its kid in Ferry's JWKS, and its claims are right. */
    static boolean verifies(String assertion, String clientId, String audience) {
        String[] jwt = assertion.split("\\.");
        if (jwt.length != 3) {
            return false;
        }
        JsonNode header = decode(jwt[0]);
        JsonNode claims = decode(jwt[1]);
        long now = Instant.now().getEpochSecond();
        JsonNode jwk = key(header.path("kid").asText(""));
        if (jwk == null || !jwk.path("alg").asText().equals(header.path("alg").asText())) {
            return false;
        }
        return signatureVerifies(jwk, jwt) && clientId.equals(claims.path("iss").asText())
                && clientId.equals(claims.path("sub").asText()) && audience.equals(claims.path("aud").asText())
                && claims.path("exp").asLong() > now && claims.path("exp").asLong() <= now + 300;
    }

    /** The JWK of this kid at Ferry's JWKS URL now, or null. */
    static JsonNode key(String kid) {
        JsonNode jwks = jwks();
        for (JsonNode k : jwks.path("keys")) {
            if (kid.equals(k.path("kid").asText())) {
                return k;
            }
        }
        return null;
    }

    static JsonNode jwks() {
        try {
            return JSON.readTree(RestAssured.given().get("/.well-known/jwks.json").then().statusCode(200).extract()
                    .asByteArray());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean signatureVerifies(JsonNode jwk, String[] jwt) {
        try {
            PublicKey key;
            String algorithm;
            if ("RSA".equals(jwk.path("kty").asText())) {
                key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(number(jwk, "n"),
                        number(jwk, "e")));
                algorithm = "SHA384withRSA";
            } else {
                AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
                p.init(new ECGenParameterSpec("secp384r1"));
                key = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(number(jwk, "x"),
                        number(jwk, "y")), p.getParameterSpec(ECParameterSpec.class)));
                algorithm = "SHA384withECDSAinP1363Format";
            }
            Signature s = Signature.getInstance(algorithm);
            s.initVerify(key);
            s.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
            return s.verify(Base64.getUrlDecoder().decode(jwt[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static BigInteger number(JsonNode jwk, String member) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path(member).asText()));
    }

    static JsonNode decode(String part) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (IOException | IllegalArgumentException e) {
            return JSON.createObjectNode();
        }
    }
}
