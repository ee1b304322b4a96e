package health.ferry.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.connections.SandboxConnections;
import health.ferry.sandbox.SandboxLimits;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Polite syncing (issue 23, item 7): the sandbox answers 429 past 122 FHIR requests in any rolling minute, Ferry is
 * set to 120 a minute; a weekly sweep of many connections to that one portal, all due at once and run by three
 * workers, is never answered 429 and every connection finishes.
 */
@QuarkusTest
@TestProfile(PoliteSyncTest.SlowPortal.class)
class PoliteSyncTest {
    static final int PORTAL_LIMIT = 122;
    static final int CONNECTIONS = 10;

    public static class SlowPortal implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return health.ferry.OwnDatabase.with("ferry-polite-sync", Map.of(
                    "ferry.sync.requests-per-minute", "120",
                    "ferry.sync.rate-limit-max-wait", "PT1M",
                    "ferry.sandbox.fhir-requests-per-minute", String.valueOf(PORTAL_LIMIT)));
        }
    }

    @Inject
    SyncSchedule schedule;
    @Inject
    SyncWorkers workers;
    @Inject
    SyncHistory history;
    @Inject
    Clock clock;

    @Test
    void aWeeklySweepOfOnePortalStaysUnderItsLimitAndEveryConnectionFinishes() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            String person = SandboxConnections.ward("frank", "Polite Ward" + (char) ('A' + i), "2005-06-1" + i);
            ids.add(UUID.fromString(SandboxConnections.connected("frank", person, "demo")));
        }
        SandboxLimits.reset(); // connecting made FHIR requests of its own, outside any sync
        Instant period = clock.instant().plus(Duration.ofDays(7L * 300));
        assertEquals(CONNECTIONS, schedule.enqueue(period, ids));
        Duration ahead = Duration.between(clock.instant(), period.plus(Duration.ofDays(8))); // all due at once

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> drains = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                String owner = "polite-" + w;
                drains.add(pool.submit(() -> {
                    while (workers.runNext(owner, ahead)) {
                        // every due job
                    }
                }));
            }
            for (Future<?> drain : drains) {
                drain.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(0, SandboxLimits.refused(), "the portal never had to answer 429");
        assertTrue(SandboxLimits.served() > PORTAL_LIMIT,
                "the sweep needed more than a minute's allowance (" + SandboxLimits.served() + " requests), so the limit was"
                        + " what kept it polite");
        for (UUID id : ids) {
            SyncRun run = history.latest(id).orElse(null);
            assertNotNull(run, "connection " + id + " was synced");
            assertTrue(run.succeeded(), "connection " + id + " finished: " + run.outcome + " " + run.failureCode);
        }
    }
}
