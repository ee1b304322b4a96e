package health.ferry.connections;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.connections.credentials.CredentialVault;
import health.ferry.connections.credentials.SealedSecret;
import health.ferry.connections.credentials.VaultConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Key rotation's re-wrap: a secret sealed under a retired key (still configured) is moved onto the active key by
 * the job every instance runs, opens afterwards with the same plaintext, and the gauge counting secrets left on
 * older keys shows it before and not after.
 */
@QuarkusTest
class VaultRotationTest {
    private static final String KIND = "rotation-test";

    @Inject
    VaultRotation rotation;
    @Inject
    ConnectionSecrets secrets;
    @Inject
    CredentialVault vault;
    @ConfigProperty(name = "ferry.vault.keys.retired")
    String retiredKey;

    @Test
    void secretsOnARetiredKeyAreReWrappedOntoTheActiveOneAndStillOpen() {
        String person = SandboxConnections.ward("erin", "Rotation Ward", "2011-04-02");
        UUID connection = UUID.fromString(SandboxConnections.connected("erin", person, "demo"));
        CredentialVault before = new CredentialVault(new VaultConfig() {
            public Map<String, String> keys() {
                return Map.of("retired", retiredKey);
            }

            public String activeKey() {
                return "retired";
            }
        });
        SealedSecret old = before.seal("connection." + KIND, connection, "{\"refresh\":\"r-123\"}");
        QuarkusTransaction.requiringNew().run(() -> {
            ConnectionSecret row = new ConnectionSecret(connection, KIND);
            row.keyId = old.keyId();
            row.sealed = old.sealed();
            row.updatedAt = Instant.now();
            secrets.persist(row);
        });
        assertTrue(gauge() >= 1, "the secret on the retired key is counted");

        rotation.rewrap();

        QuarkusTransaction.requiringNew().run(() -> {
            ConnectionSecret row = secrets.findById(new ConnectionSecret.Key(connection, KIND));
            assertEquals(vault.activeKey(), row.keyId, "re-wrapped onto the active key");
            assertEquals("{\"refresh\":\"r-123\"}", secrets.get(connection, KIND).orElseThrow());
        });
        assertEquals(0, gauge(), "nothing left on older keys");
    }

    private static double gauge() {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^ferry_vault_secrets_not_on_active_key (\\S+)$", Pattern.MULTILINE).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
