package health.ferry.connections.smart;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The public half of a signing key as a JWK (RFC 7517/7518), worked out from the private key Ferry holds: RSA from the
 * CRT key's modulus and public exponent, EC P-384 as the curve's generator times the private scalar (Bouncy Castle's
 * curve arithmetic; the JDK has none public). Its kid defaults to the RFC 7638 thumbprint.
 */
final class JwkPublic {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private JwkPublic() {
    }

    /** kty and the key's public members, in the order RFC 7638 hashes them. */
    static Map<String, String> of(PrivateKey key) {
        Map<String, String> jwk = new LinkedHashMap<>();
        if (key instanceof RSAPrivateCrtKey rsa) {
            jwk.put("e", b64(rsa.getPublicExponent()));
            jwk.put("kty", "RSA");
            jwk.put("n", b64(rsa.getModulus()));
            return jwk;
        }
        if (key instanceof ECPrivateKey ec && ec.getParams().getCurve().getField().getFieldSize() == 384) {
            X9ECParameters p384 = CustomNamedCurves.getByName("P-384");
            ECPoint q = p384.getG().multiply(ec.getS()).normalize();
            jwk.put("crv", "P-384");
            jwk.put("kty", "EC");
            jwk.put("x", B64.encodeToString(q.getAffineXCoord().getEncoded()));
            jwk.put("y", B64.encodeToString(q.getAffineYCoord().getEncoded()));
            return jwk;
        }
        throw new IllegalStateException("SMART client keys are RSA with its CRT parameters (a PKCS#8 RSA key) or EC "
                + "on the P-384 curve");
    }

    /** The RFC 7638 thumbprint: SHA-256 of the required members in lexicographic order, base64url. */
    static String thumbprint(Map<String, String> jwk) {
        StringBuilder json = new StringBuilder("{");
        jwk.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> json.append(json.length() > 1 ? ","
                : "").append('"').append(e.getKey()).append("\":\"").append(e.getValue()).append('"'));
        json.append('}');
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(json.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned big-endian integer without leading zero bytes (RFC 7518 6.3.1). */
    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return B64.encodeToString(bytes);
    }
}
