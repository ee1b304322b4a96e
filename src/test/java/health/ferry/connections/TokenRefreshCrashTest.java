package health.ferry.connections;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.sandbox.SandboxTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * R12 and R11 of the security test plan, against the sandbox's real token endpoint over HTTP.
 *
 * <p>R12, a crash between the token response and the commit: the refresh runs inside a transaction that then fails
 * (as when the process dies or the database goes away before the commit), so Ferry received a rotated refresh token
 * and never stored it. With a portal that rotates strictly ({@code strict}: a refresh token works once, reuse revokes
 * the grant) the next run presents the old token, gets {@code invalid_grant}, and the connection ends
 * {@code action_required}/{@code reconnect_required} with a notice for the participant, after exactly one token
 * request: no retry, and nothing asks again once the connection is no longer connected. With the sandbox's default
 * rotation (the replaced token works until the new one is used) the next run simply refreshes again.
 *
 * <p>R11, a refresh race: two runs that find the access due at once make one token request (row lock), both use the
 * same new access token, and a strictly rotating portal sees no reuse.
 */
@QuarkusTest
class TokenRefreshCrashTest {
    @Inject
    SmartAuthorizations smart;
    @Inject
    PortalAccess access;
    @Inject
    ConnectionSecrets secrets;
    @Inject
    ConnectionRepository connections;
    @Inject
    EntityManager em;

    /** The failure injected after the token response, in the refresh's own transaction. */
    static final class CrashBeforeCommit extends RuntimeException {
        CrashBeforeCommit() {
            super("crash between the token response and the commit");
        }
    }

    private UUID connectSmart(String name, String username) {
        String[] started = SmartConnectionsTest.start("erin", Sandbox.ward("erin", name, "2013-04-05"));
        SmartConnectionsTest.returnToFerry("erin", SmartConnectionsTest.signInAtPortal(started[1], username))
                .then().statusCode(303);
        as("erin").get("/api/v1/connections/" + started[0]).then().body("status", equalTo("connected"));
        return UUID.fromString(started[0]);
    }

    /** The access token is about to end, so the next run refreshes first (as every run does an hour later). */
    private void accessDue(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> connections.findById(id).accessExpiresAt = Instant.now());
    }

    private String session(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> secrets.get(id, ConnectionSecrets.TOKENS).orElseThrow());
    }

    private static String refreshToken(String session) {
        return session.replaceAll(".*\"refresh_token\":\"([^\"]+)\".*", "$1");
    }

    /** Refreshes inside a transaction that fails after the portal answered: nothing of it is committed. */
    private void refreshThenCrash(UUID id) {
        assertThrows(CrashBeforeCommit.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(smart.refresh(id, false).isPresent(), "the portal answered with new tokens");
            throw new CrashBeforeCommit();
        }));
    }

    private JsonPath syncNow(String connection) throws InterruptedException {
        as("erin").contentType(ContentType.JSON).post("/api/v1/connections/" + connection + "/sync").then()
                .statusCode(202);
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            JsonPath c = as("erin").get("/api/v1/connections/" + connection).then().statusCode(200).extract()
                    .jsonPath();
            if (c.get("lastSync.finishedAt") != null) {
                return c;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the sync did not finish");
    }

    @SuppressWarnings("unchecked")
    private List<String> noticeKinds(String personId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select kind from notice where person_id = ?1").setParameter(1, UUID.fromString(personId))
                .getResultList());
    }

    @Test
    void aLostRotatedTokenEndsInReconnectRequiredWithANoticeAfterOneTokenRequest() throws Exception {
        UUID id = connectSmart("Crash Strict", "strict");
        String person = as("erin").get("/api/v1/connections/" + id).then().extract().path("personId");
        String stored = session(id);
        accessDue(id);
        int before = SandboxTokens.refreshes("strict");

        refreshThenCrash(id);
        assertEquals(before + 1, SandboxTokens.refreshes("strict"), "the portal rotated the refresh token");
        assertEquals(stored, session(id), "the new tokens were never committed");
        as("erin").get("/api/v1/connections/" + id).then().body("status", equalTo("connected"));

        // The next run presents the refresh token the portal has already replaced.
        JsonPath after = syncNow(id.toString());
        assertEquals("failed", after.getString("lastSync.outcome"), after.prettify());
        assertEquals("action_required", after.getString("status"));
        assertEquals("reconnect_required", after.getString("failure.code"));
        assertEquals(before + 2, SandboxTokens.refreshes("strict"), "one token request on the next run, no retry");
        assertTrue(noticeKinds(person).contains("connection_attention"), "the participant is told: "
                + noticeKinds(person));

        // No retry storm: nothing asks the token endpoint again for a connection that needs reconnecting.
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), access.open(id));
            assertEquals(Optional.empty(), access.reopen(id));
        }
        as("erin").contentType(ContentType.JSON).post("/api/v1/connections/" + id + "/sync").then()
                .statusCode(409);
        assertEquals(before + 2, SandboxTokens.refreshes("strict"), "still exactly two token requests");
        // The portal revoked the grant on reuse: the token Ferry still holds is dead too.
        io.restassured.RestAssured.given().auth().oauth2(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(stored).path("access_token").asText()).get("/sandbox/fhir/Patient/sbx-strict").then()
                .statusCode(401);
    }

    @Test
    void withTheSandboxsGraceTheNextRunRefreshesAgainAndSyncs() throws Exception {
        UUID id = connectSmart("Crash Grace", "empty");
        String stored = session(id);
        accessDue(id);
        int before = SandboxTokens.refreshes("empty");

        refreshThenCrash(id);
        assertEquals(stored, session(id), "the new tokens were never committed");

        JsonPath after = syncNow(id.toString());
        // The empty chart's only record is its Patient (demographics), new on this first run that completes.
        assertEquals("new_records", after.getString("lastSync.outcome"), after.prettify());
        assertEquals(1, after.getInt("lastSync.newRecords"), after.prettify());
        assertEquals("connected", after.getString("status"));
        assertEquals(before + 2, SandboxTokens.refreshes("empty"), "one token request per run");
        assertNotEquals(refreshToken(stored), refreshToken(session(id)), "the rotated token is stored this time");
    }

    @Test
    void twoRunsFindingTheAccessDueTogetherRefreshOnce() throws Exception {
        UUID id = connectSmart("Race Strict", "strict");
        accessDue(id);
        int before = SandboxTokens.refreshes("strict");
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService runs = Executors.newFixedThreadPool(2);
        try {
            List<Future<Optional<PortalAccess.Session>>> opened = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<Optional<PortalAccess.Session>> run = () -> {
                    together.await();
                    return access.open(id);
                };
                opened.add(runs.submit(run));
            }
            PortalAccess.Session a = opened.get(0).get().orElseThrow();
            PortalAccess.Session b = opened.get(1).get().orElseThrow();
            assertEquals(a.accessToken(), b.accessToken(), "both runs use the one new access token");
        } finally {
            runs.shutdownNow();
        }
        assertEquals(before + 1, SandboxTokens.refreshes("strict"), "one token request for two runs");
        // The strict portal saw no reuse: the stored refresh token still works.
        accessDue(id);
        assertTrue(access.open(id).isPresent());
        assertEquals(before + 2, SandboxTokens.refreshes("strict"));
        as("erin").get("/api/v1/connections/" + id).then().body("status", equalTo("connected"));
    }
}
