package health.ferry.sync;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.connections.SandboxConnections;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A connection that becomes connected is synced at once, without "sync now" (as dev mode and production do): records
 * arrive pending within seconds, the run's count grows while it runs, and new sign-in details that the portal accepts
 * bring a sync of their own. The rest of the suite turns the first sync off (its tests count runs themselves).
 */
@QuarkusTest
@TestProfile(FirstSyncTest.FirstSyncOn.class)
class FirstSyncTest {
    /** The first sync on, as in dev and prod; the workers' poll stays off, so only the first sync's wake runs them. */
    public static class FirstSyncOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return health.ferry.OwnDatabase.with("ferry-first-sync", Map.of("ferry.sync.first-sync", "true"));
        }
    }

    @Inject
    SyncJobs jobs;
    @Inject
    SyncHistory history;

    @Test
    void recordsArrivePendingWithoutSyncNow() {
        String person = SandboxConnections.ward("frank", "First Sync Kid", "2013-05-05");
        String id = SandboxConnections.connected("frank", person, "demo");
        JsonPath finished = await(() -> {
            JsonPath c = as("frank").get("/api/v1/connections/" + id).jsonPath();
            return c.getString("lastSync.finishedAt") != null ? c : null;
        });
        assertEquals("new_records", finished.getString("lastSync.outcome"));
        assertTrue(finished.getInt("lastSync.newRecords") > 100, finished.prettify());
        List<Object> pending = as("frank").get("/api/v1/people/" + person + "/records?state=pending&size=5")
                .jsonPath().getList("items");
        assertEquals(5, pending.size(), "pending records, with no sync asked for");
        List<SyncJob> queued = jobs.ofConnection(UUID.fromString(id));
        assertEquals(1, queued.size(), "one job: the first sync, run through the ordinary queue");
        assertEquals(SyncJob.DONE, queued.get(0).state);
    }

    @Test
    void aRunShowsWhatItHasBroughtSoFar() {
        String person = SandboxConnections.ward("frank", "Progress Kid", "2012-06-06");
        String id = SandboxConnections.connected("frank", person, "demo");
        await(() -> as("frank").get("/api/v1/connections/" + id).jsonPath().getString("lastSync.finishedAt"));
        UUID runId = history.start(UUID.fromString(id));
        history.progress(runId, 42, 3);
        as("frank").get("/api/v1/connections/" + id).then().body("lastSync.finishedAt", equalTo(null))
                .body("lastSync.newRecords", equalTo(42));
        as("frank").get("/connections/" + id).then()
                .body(org.hamcrest.Matchers.containsString("Fetching your records from the portal… 42 so far."));
        history.finish(runId, null, 42, 3, null);
        history.progress(runId, 99, 0);
        as("frank").get("/api/v1/connections/" + id).then().body("lastSync.newRecords", equalTo(42));
    }

    @Test
    void newSignInDetailsThePortalAcceptsBringASyncOfTheirOwn() {
        String person = SandboxConnections.ward("frank", "Update Sync Kid", "2011-07-07");
        String id = SandboxConnections.connected("frank", person, "demo");
        await(() -> as("frank").get("/api/v1/connections/" + id).jsonPath().getString("lastSync.finishedAt"));
        assertEquals(1, jobs.ofConnection(UUID.fromString(id)).size());
        sleepPastTheSecond(); // the next job's period is the second it connected again
        as("frank").contentType("application/json").body(Map.of("username", "demo", "password", "demo"))
                .put("/api/v1/connections/" + id + "/credentials").then().statusCode(202);
        assertNotNull(await(() -> jobs.ofConnection(UUID.fromString(id)).size() == 2 ? Boolean.TRUE : null),
                "a second sync followed the accepted sign-in details");
    }

    private static void sleepPastTheSecond() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static <T> T await(Supplier<T> check) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            T value = check.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("not within 60 s");
    }
}
