package health.ferry.connections.smart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad private key file or key configuration for {@code private_key_jwt} stops Ferry at start-up with a message
 * naming the setting and what is wrong (never the key), instead of failing a participant's connection with a 500.
 */
class SmartClientKeysTest {
    @TempDir
    Path dir;

    record Client(Optional<String> clientId, Optional<String> secret, Optional<Path> jwtKeyFile,
            Optional<String> jwtKeyId) implements SmartClients.Client {
        static Client key(Path file) {
            return new Client(Optional.of("ferry"), Optional.empty(), Optional.of(file), Optional.of("k1"));
        }
    }

    static SmartClients registrations(SmartClients.Client client) {
        return () -> Map.of("ehr.example.org", client);
    }

    static String message(SmartClients.Client client) {
        return assertThrows(IllegalStateException.class, () -> SmartConnector.loadKeys(registrations(client)))
                .getMessage();
    }

    Path pem(String label, byte[] der) throws IOException {
        Path file = Files.createTempFile(dir, "key", ".pem");
        Files.writeString(file, "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END " + label + "-----\n", StandardCharsets.US_ASCII);
        return file;
    }

    static KeyPair pair(String algorithm, Object spec) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        if (spec instanceof Integer bits) {
            g.initialize(bits);
        } else {
            g.initialize(new ECGenParameterSpec((String) spec));
        }
        return g.generateKeyPair();
    }

    @Test
    void goodRsaAndP384KeysLoadAndSign() throws Exception {
        Path rsa = pem("PRIVATE KEY", pair("RSA", 2048).getPrivate().getEncoded());
        Path ec = pem("PRIVATE KEY", pair("EC", "secp384r1").getPrivate().getEncoded());
        var loaded = SmartConnector.loadKeys(() -> Map.of("a.example.org", Client.key(rsa), "b.example.org",
                Client.key(ec)));
        assertEquals("RS384", loaded.get(rsa).algorithm());
        assertEquals("ES384", loaded.get(ec).algorithm());
        String jwt = loaded.get(ec).sign("ferry", URI.create("https://b.example.org/token"), Instant.now());
        assertEquals(3, jwt.split("\\.").length);
    }

    @Test
    void aMissingFileNamesTheSettingAndThePath() {
        String m = message(Client.key(dir.resolve("nowhere.pem")));
        assertTrue(m.startsWith("ferry.smart.clients.\"ehr.example.org\".jwt-key-file: "), m);
        assertTrue(m.contains("nowhere.pem") && m.contains("cannot be read"), m);
    }

    @Test
    void aPkcs1KeySaysHowToConvertIt() throws Exception {
        String m = message(Client.key(pem("RSA PRIVATE KEY", new byte[] {1, 2, 3})));
        assertTrue(m.contains("openssl pkcs8 -topk8 -nocrypt"), m);
    }

    @Test
    void notAKeyAtAll() throws Exception {
        Path garbage = Files.writeString(dir.resolve("cert.pem"), "hello, I am not a key");
        assertTrue(message(Client.key(garbage)).contains("holds no PEM private key"));
        byte[] junk = "not DER at all, just words".getBytes(StandardCharsets.US_ASCII);
        Path broken = pem("PRIVATE KEY", junk);
        String m = message(Client.key(broken));
        assertTrue(m.contains("is not a readable PKCS#8 RSA or EC private key"), m);
        assertFalse(m.contains(Base64.getEncoder().encodeToString(junk)), "never the key's content");
    }

    @Test
    void unusableKindsOfKey() throws Exception {
        String p256 = message(Client.key(pem("PRIVATE KEY", pair("EC", "secp256r1").getPrivate().getEncoded())));
        assertTrue(p256.contains("P-384"), p256);
        String small = message(Client.key(pem("PRIVATE KEY", pair("RSA", 1024).getPrivate().getEncoded())));
        assertTrue(small.contains("1024 bits") && small.contains("at least 2048"), small);
    }

    @Test
    void contradictoryConfiguration() throws Exception {
        Path rsa = pem("PRIVATE KEY", pair("RSA", 2048).getPrivate().getEncoded());
        assertTrue(message(new Client(Optional.of("ferry"), Optional.of("s3cret"), Optional.of(rsa),
                Optional.empty())).contains("has both a secret and a jwt-key-file"));
        assertTrue(message(new Client(Optional.of("ferry"), Optional.empty(), Optional.empty(), Optional.of("k1")))
                .contains("jwt-key-id is set without"));
    }
}
