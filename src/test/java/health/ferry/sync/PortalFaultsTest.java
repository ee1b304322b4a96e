package health.ferry.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.connections.PortalAccess;
import health.ferry.connections.SandboxConnections;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Retries with backoff, Retry-After and the per-portal circuit breaker, against the sandbox and a portal that is down;
 * a rate-limit wait too long for a run.
 */
@QuarkusTest
class PortalFaultsTest {
    @Inject
    ConnectionSync sync;
    @Inject
    SyncHistory history;
    @Inject
    PortalGuards guards;
    @Inject
    health.ferry.outbound.OutboundPolicy outbound;

    @Test
    void aBusyPortalIsRetriedAfterItsRetryAfter() {
        String person = SandboxConnections.ward("erin", "Faults Flaky", "2006-02-03");
        UUID c = UUID.fromString(SandboxConnections.connected("erin", person, "flaky"));
        UUID run = history.start(c);
        long started = System.nanoTime();
        ConnectionSync.Result result = sync.run(c, run);
        long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertNull(result.failureCode(), "the 503 was retried");
        assertEquals(SyncRun.NEW_RECORDS, history.run(run).orElseThrow().outcome);
        // The test profile's backoff is 50 ms: only the portal's Retry-After: 1 explains a wait of a second.
        assertTrue(tookMillis >= 1000, "waited for Retry-After, took " + tookMillis + " ms");
    }

    @Test
    void aPortalThatIsDownOpensItsCircuitAndFailsFast() {
        URI down = URI.create("http://localhost:9/fhir");
        FhirPages pages = new FhirPages(FhirPages.client(Duration.ofSeconds(2)), Duration.ofSeconds(2), 1024,
                guards.of(down), outbound, () -> { });
        PortalAccess.Session session = new PortalAccess.Session(UUID.randomUUID(), UUID.randomUUID(), down, "p",
                "no-token");
        SyncStopped first = assertThrows(SyncStopped.class, () -> pages.get(session, URI.create(down + "/Condition")));
        assertEquals("portal_unavailable", first.code());
        // Each call is tried 1 + retries times; the breaker opens after ferry.sync.breaker.requests failures.
        for (int i = 0; i < 3; i++) {
            assertThrows(SyncStopped.class, () -> pages.get(session, URI.create(down + "/Condition")));
        }
        long started = System.nanoTime();
        SyncStopped open = assertThrows(SyncStopped.class, () -> pages.get(session, URI.create(down + "/Condition")));
        assertEquals("portal_unavailable", open.code());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 40,
                "an open circuit answers without trying the portal (or backing off)");
    }

    @Test
    void retryAfterIsReadAsSecondsOrADate() {
        assertEquals(Duration.ofSeconds(7), FhirPages.retryAfter("7"));
        assertNull(FhirPages.retryAfter("soon"));
        assertEquals(Duration.ZERO, FhirPages.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
    }

    @Test
    void aRequestThatWouldWaitTooLongEndsTheRunWithARetryTime() {
        URI base = URI.create("http://localhost:9/polite-drained/fhir");
        PortalRateLimits oneAMinute = new PortalRateLimits(1, Duration.ofSeconds(5));
        PortalRateLimits.Gate gate = oneAMinute.of(base);
        gate.pass(); // this minute's request is taken
        FhirPages pages = new FhirPages(FhirPages.client(Duration.ofSeconds(2)), Duration.ofSeconds(2), 1024,
                guards.of(base), outbound, gate);
        PortalAccess.Session session = new PortalAccess.Session(UUID.randomUUID(), UUID.randomUUID(), base, "p",
                "no-token");
        SyncStopped failure = assertThrows(SyncStopped.class,
                () -> pages.get(session, URI.create(base + "/Condition")));
        assertEquals("portal_unavailable", failure.code());
        assertNotNull(failure.retryAfter(), "the bucket, not the unreachable portal, ended it");
    }
}
