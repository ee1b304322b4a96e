package health.ferry.connections;

import static health.ferry.Tokens.as;
import static health.ferry.connections.Sandbox.connect;
import static health.ferry.connections.Sandbox.settled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import health.ferry.connections.credentials.VaultException;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A portal password appears in no log line, page, API answer or database column; a swapped ciphertext fails. */
@QuarkusTest
class CredentialSecrecyTest {
    static final String PASSWORD = "Tr0ub4dor&3-" + UUID.randomUUID();

    @Test
    void thePasswordIsNowhereButInsideTheVault() {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()) + " "
                        + (r.getThrown() == null ? "" : r.getThrown().toString()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        try {
            String person = Sandbox.ward("frank", "Secret Keeper", "2008-08-08");
            String id = connect("frank", person, "demo", PASSWORD);
            String api = settled("frank", id).prettify();
            assertEquals("credential_error", settled("frank", id).getString("failure.code"));
            assertFalse(api.contains(PASSWORD), "API answer");
            String list = as("frank").get("/api/v1/people/" + person + "/connections").asString();
            assertFalse(list.contains(PASSWORD), "API list");
            String page = as("frank").get("/connections/" + id).asString();
            assertFalse(page.contains(PASSWORD), "status page");
            assertFalse(SecretRows.dump(id).contains(PASSWORD), "database");
            assertFalse(SecretRows.dump(id).contains("Tr0ub4dor"), "database");
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        assertFalse(lines.stream().anyMatch(l -> l.contains(PASSWORD) || l.contains("Tr0ub4dor")), "logs");
    }

    @Test
    void aCiphertextCopiedToAnotherConnectionDoesNotOpen() {
        String a = connect("frank", Sandbox.ward("frank", "Swap A", "2007-07-07"), "demo", "wrong-a");
        String b = connect("frank", Sandbox.ward("frank", "Swap B", "2006-06-06"), "demo", "wrong-b");
        settled("frank", a);
        settled("frank", b);
        SecretRows.swapCredentials(a, b);
        assertThrows(VaultException.class, () -> QuarkusTransaction.requiringNew().call(() -> Arc.container()
                .instance(ConnectionSecrets.class).get().get(UUID.fromString(b), ConnectionSecrets.CREDENTIALS)));
        // Ferry fails closed: checking again cannot use the swapped secret.
        as("frank").contentType(io.restassured.http.ContentType.JSON).post("/api/v1/connections/" + b + "/recheck").then().statusCode(202);
        assertFalse("connected".equals(settled("frank", b).getString("status")));
    }
}
