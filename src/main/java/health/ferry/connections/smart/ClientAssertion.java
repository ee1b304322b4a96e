package health.ferry.connections.smart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A signed client assertion for {@code private_key_jwt} (SMART App Launch 2.x, "Confidential asymmetric"; RFC 7523):
 * header {@code alg} RS384 or ES384 (by the key), {@code kid}, {@code typ=JWT}; claims {@code iss} = {@code sub} =
 * the client id, {@code aud} = the token endpoint, a random {@code jti}, {@code exp} five minutes ahead (the most the
 * spec allows) and {@code iat}.
 */
final class ClientAssertion {
    static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    static final long LIFETIME_SECONDS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey key;
    private final String keyId;

    private final java.util.Map<String, String> publicJwk;

    private ClientAssertion(PrivateKey key, String keyId) {
        this.key = key;
        java.util.Map<String, String> jwk = JwkPublic.of(key);
        this.keyId = keyId != null ? keyId : JwkPublic.thumbprint(jwk);
        java.util.Map<String, String> published = new java.util.LinkedHashMap<>(jwk);
        published.put("kid", this.keyId);
        published.put("use", "sig");
        published.put("alg", key instanceof RSAPrivateKey ? "RS384" : "ES384");
        this.publicJwk = java.util.Collections.unmodifiableMap(published);
    }

    /** The public half as a JWK (RFC 7517) with its kid, use and alg: what Ferry's JWKS URL publishes. */
    java.util.Map<String, String> publicJwk() {
        return publicJwk;
    }

    String keyId() {
        return keyId;
    }

    /**
     * Reads a PKCS#8 PEM private key (RSA of at least 2048 bits, or EC P-384) and checks it can sign.
     *
     * @throws IllegalStateException with what is wrong and how to fix it (never the key's content)
     */
    static ClientAssertion load(Path pemFile, String keyId) {
        String pem;
        try {
            pem = Files.readString(pemFile, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("SMART client key file " + pemFile + " cannot be read ("
                    + e.getClass().getSimpleName() + "): check the path and that Ferry may read it");
        }
        if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")
                || pem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
            throw new IllegalStateException("SMART client key file " + pemFile + " is not an unencrypted PKCS#8 key "
                    + "(\"BEGIN PRIVATE KEY\"): convert it with openssl pkcs8 -topk8 -nocrypt");
        }
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalStateException("SMART client key file " + pemFile + " holds no PEM private key "
                    + "(\"-----BEGIN PRIVATE KEY-----\")");
        }
        PrivateKey key;
        try {
            String body = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27);
            int end = body.indexOf("-----END PRIVATE KEY-----");
            byte[] der = Base64.getMimeDecoder().decode((end < 0 ? body : body.substring(0, end)).strip());
            PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
            try {
                key = KeyFactory.getInstance("RSA").generatePrivate(spec);
            } catch (GeneralSecurityException notRsa) {
                key = KeyFactory.getInstance("EC").generatePrivate(spec);
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("SMART client key file " + pemFile
                    + " is not a readable PKCS#8 RSA or EC private key");
        }
        if (key instanceof RSAPrivateKey rsa && rsa.getModulus().bitLength() < 2048) {
            throw new IllegalStateException("SMART client key file " + pemFile + " is an RSA key of "
                    + rsa.getModulus().bitLength() + " bits: SMART requires at least 2048 (RS384)");
        }
        new ClientAssertion.Check(key).algorithm(); // an EC key on another curve than P-384 fails here, at start-up
        return new ClientAssertion(key, keyId);
    }

    /** The algorithm check on its own, before the public half is worked out. */
    private record Check(PrivateKey key) {
        String algorithm() {
            return ClientAssertion.algorithm(key);
        }
    }

    String algorithm() {
        return algorithm(key);
    }

    private static String algorithm(PrivateKey key) {
        if (key instanceof RSAPrivateKey) {
            return "RS384";
        }
        if (key instanceof ECPrivateKey ec && ec.getParams().getCurve().getField().getFieldSize() == 384) {
            return "ES384";
        }
        throw new IllegalStateException("SMART client keys are RSA (RS384) or EC on the P-384 curve (ES384); "
                + "this one is neither");
    }

    /** A fresh assertion for this client at this token endpoint. */
    String sign(String clientId, URI tokenEndpoint, Instant now) {
        ObjectNode header = JSON.createObjectNode().put("alg", algorithm()).put("typ", "JWT").put("kid", keyId);
        byte[] jti = new byte[16];
        RANDOM.nextBytes(jti);
        ObjectNode claims = JSON.createObjectNode().put("iss", clientId).put("sub", clientId)
                .put("aud", tokenEndpoint.toString()).put("jti", HexFormat.of().formatHex(jti))
                .put("iat", now.getEpochSecond()).put("exp", now.getEpochSecond() + LIFETIME_SECONDS);
        String input = b64(header.toString()) + "." + b64(claims.toString());
        try {
            Signature s = Signature.getInstance(key instanceof RSAPrivateKey ? "SHA384withRSA"
                    : "SHA384withECDSAinP1363Format");
            s.initSign(key);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a client assertion", e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
