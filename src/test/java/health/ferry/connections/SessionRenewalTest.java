package health.ferry.connections;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.sandbox.SandboxTime;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import java.time.Clock;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A credential portal's session lasts an hour; a weekly sync always finds it gone. Ferry signs in again with the
 * stored user name and password instead of asking the participant to reconnect every week — unless the portal
 * refuses them (then the connection shows that reason and its fix), or the portal's stated end of access passed.
 */
@QuarkusTest
class SessionRenewalTest {
    @Inject
    PortalAccess access;
    @Inject
    ConnectionSecrets secrets;

    @AfterEach
    void clock() {
        SandboxTime.reset();
    }

    @Test
    void anExpiredSessionIsRenewedWithTheStoredPassword() {
        String person = Sandbox.ward("erin", "Renewal Weekly", "2013-02-03");
        UUID id = UUID.fromString(SandboxConnections.connected("erin", person, "empty"));
        String before = access.open(id).orElseThrow().accessToken();
        SandboxTime.advance(Duration.ofHours(2)); // the sandbox's sessions last an hour
        PortalAccess.Session renewed = access.reopen(id).orElseThrow();
        assertNotEquals(before, renewed.accessToken(), "a new session from a new sign-in");
        assertEquals(renewed.accessToken(), access.open(id).orElseThrow().accessToken(), "and it is kept");
        as("erin").get("/api/v1/connections/" + id).then().body("status", equalTo("connected"));
    }

    @Test
    void aPasswordChangedAtThePortalEndsInCredentialErrorWithItsFix() {
        String person = Sandbox.ward("erin", "Renewal Changed", "2013-04-05");
        UUID id = UUID.fromString(SandboxConnections.connected("erin", person, "empty"));
        // what a password changed at the portal looks like from here: the stored one no longer works
        QuarkusTransaction.requiringNew().run(() -> secrets.put(id, ConnectionSecrets.CREDENTIALS,
                "{\"username\":\"empty\",\"password\":\"changed-at-the-portal\"}"));
        SandboxTime.advance(Duration.ofHours(2));
        assertTrue(access.reopen(id).isEmpty());
        access.accessEnded(id); // what a sync does next: it must not hide the real reason
        as("erin").get("/api/v1/connections/" + id).then().body("status", equalTo("action_required"))
                .body("failure.code", equalTo("credential_error"));
    }

    @Test
    void afterThePortalsEndOfAccessNoNewSignInIsTried() {
        String person = Sandbox.ward("erin", "Renewal Ended", "2013-06-07");
        UUID id = UUID.fromString(SandboxConnections.connected("erin", person, "shortlived"));
        // a minute passes for Ferry and for the portal
        QuarkusMock.installMockForType(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(61)), Clock.class);
        SandboxTime.advance(Duration.ofSeconds(61));
        assertTrue(access.reopen(id).isEmpty());
        access.accessEnded(id);
        as("erin").get("/api/v1/connections/" + id).then().body("failure.code", equalTo("reconnect_required"));
    }
}
