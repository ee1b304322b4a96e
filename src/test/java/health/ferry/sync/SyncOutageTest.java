package health.ferry.sync;

import health.ferry.PostgresOnly;
import static health.ferry.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.LogCapture;
import health.ferry.ProxiedDatabase;
import health.ferry.TcpCutter;
import health.ferry.connections.SandboxConnections;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * R13: the database drops while a sync runs, after its run was started and (for a scheduled sync) its job claimed
 * under the default ten-minute lease. Once the database is back the same run goes on and finishes within seconds:
 * the connection does not look busy ("sync now" refused, no end) until the lease or the 30-minute staleness runs
 * out, and the chart arrives whole. The cut comes as the sync asks for its portal's guard, just before its first
 * page. PostgreSQL only ({@code -Dquarkus.test.profile=test,pg}), like {@code DatabaseOutageTest}.
 */
@QuarkusTest
@PostgresOnly
@WithTestResource(value = SyncOutageTest.Proxied.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class SyncOutageTest {
    static final Duration OUTAGE = Duration.ofSeconds(20);
    /** Well under the lease (10 min) and the staleness of "sync now" (30 min): the probes' backoff and the run. */
    static final Duration PROMPTLY = Duration.ofSeconds(60);

    /** The proxied database; the sync workers poll every second, leases as in production (10 minutes). */
    public static class Proxied extends ProxiedDatabase {
        @Override
        protected Map<String, String> settings() {
            return Map.of("ferry.sync.poll-every", "1s", "ferry.sync.spread", "PT1S", "ferry.sync.lease", "PT10M");
        }
    }

    @Inject
    PortalGuards guards;
    @Inject
    SyncSchedule schedule;
    @Inject
    SyncJobs jobs;

    @Test
    void aSyncNowTheOutageCutFinishesSoonAfterTheDatabaseReturns() throws Exception {
        String person = SandboxConnections.ward("alice", "Cut Carla", "2012-03-04");
        String connection = SandboxConnections.connected("alice", person, "demo");
        TcpCutter proxy = cutOnTheNextSync();
        LogCapture logs = LogCapture.start();
        Instant back;
        try {
            as("alice").contentType(ContentType.JSON).post("/api/v1/connections/" + connection + "/sync").then()
                    .statusCode(202);
            back = outage(proxy);
            JsonPath synced = awaitSync(connection, PROMPTLY);
            assertEquals("new_records", synced.getString("lastSync.outcome"), synced.prettify());
        } finally {
            logs.close();
        }
        assertTrue(Duration.between(back, Instant.now()).compareTo(PROMPTLY) < 0);
        assertEquals(wholeChart("Cut Carla reference", "2012-03-05"), total(person), "nothing lost, nothing twice");
        // The sync's thread waited for the database quietly: the one outage warning, no error, no stack trace.
        assertEquals(java.util.List.of(), logs.atLeast(Level.SEVERE, ""),
                LogCapture.describe(logs.atLeast(Level.SEVERE, "")));
        assertEquals(1, logs.saying("database unavailable, background jobs paused; will retry").size(),
                LogCapture.describe(logs.atLeast(Level.WARNING, "health.ferry.")));
        assertEquals(1, logs.saying("database available again, background jobs resumed").size());
        assertEquals(java.util.List.of(), logs.atLeast(Level.WARNING, "health.ferry.").stream()
                .filter(r -> r.getThrown() != null).toList(), "no stack traces");
    }

    @Test
    void aScheduledSyncTheOutageCutFinishesWithoutWaitingForItsLease() throws Exception {
        String person = SandboxConnections.ward("alice", "Cut Cecil", "2012-04-05");
        String connection = SandboxConnections.connected("alice", person, "demo");
        TcpCutter proxy = cutOnTheNextSync();
        assertTrue(schedule.enqueue(Instant.now().minus(Duration.ofMinutes(1))) >= 1);
        Instant back = outage(proxy);

        JsonPath synced = awaitSync(connection, PROMPTLY);
        assertEquals("new_records", synced.getString("lastSync.outcome"), synced.prettify());
        assertTrue(Duration.between(back, Instant.now()).compareTo(PROMPTLY) < 0);
        SyncJob job = jobs.ofConnection(UUID.fromString(connection)).get(0);
        assertEquals(SyncJob.DONE, job.state);
        assertNull(job.lastError);
        assertEquals(1, job.attempts, "the claim that the outage cut finished the job: no second claim");
        assertEquals(wholeChart("Cut Cecil reference", "2012-04-06"), total(person), "nothing lost, nothing twice");
    }

    /** The next sync to ask for its portal's guard cuts the database away first; answers the proxy. */
    private TcpCutter cutOnTheNextSync() {
        TcpCutter proxy = ProxiedDatabase.proxy;
        PortalGuards real = ClientProxy.unwrap(guards);
        AtomicBoolean cut = new AtomicBoolean();
        QuarkusMock.installMockForType(new PortalGuards() {
            @Override
            Guard of(URI fhirBase) {
                if (cut.compareAndSet(false, true)) {
                    proxy.cut();
                }
                return real.of(fhirBase);
            }
        }, PortalGuards.class);
        return proxy;
    }

    /** Waits for the cut, keeps the database away for {@link #OUTAGE}, brings it back; answers when. */
    private static Instant outage(TcpCutter proxy) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (!proxy.isCut()) {
            assertTrue(Instant.now().isBefore(until), "no sync started");
            Thread.sleep(100);
        }
        Thread.sleep(OUTAGE.toMillis());
        proxy.restore();
        return Instant.now();
    }

    /** How many records a clean sync of the same demo chart brings. */
    private static int wholeChart(String name, String birthDate) throws InterruptedException {
        String reference = SandboxConnections.ward("alice", name, birthDate);
        String clean = SandboxConnections.connected("alice", reference, "demo");
        as("alice").contentType(ContentType.JSON).post("/api/v1/connections/" + clean + "/sync").then()
                .statusCode(202);
        awaitSync(clean, PROMPTLY);
        return total(reference);
    }

    private static int total(String person) {
        return as("alice").get("/api/v1/people/" + person + "/records").then().statusCode(200).extract()
                .path("total");
    }

    private static JsonPath awaitSync(String connection, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            var answer = as("alice").get("/api/v1/connections/" + connection);
            if (answer.statusCode() == 200) {
                JsonPath c = answer.then().extract().jsonPath();
                if (c.get("lastSync.finishedAt") != null) {
                    return c;
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the sync did not finish within " + timeout + " of the database's return");
    }
}
