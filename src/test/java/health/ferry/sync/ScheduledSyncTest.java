package health.ferry.sync;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.connections.SandboxConnections;
import health.ferry.sandbox.SandboxTime;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduled path with Ferry's clock moved forward: the trigger enqueues, workers claim due jobs under leases.
 * Each test uses its own period (the uniqueness key) so jobs of other tests never mix in.
 */
@QuarkusTest
class ScheduledSyncTest {
    @Inject
    SyncSchedule schedule;
    @Inject
    SyncWorkers workers;
    @Inject
    SyncJobs jobs;
    @Inject
    SyncHistory history;
    @Inject
    Clock clock;

    @AfterEach
    void resetSandboxClock() {
        SandboxTime.reset();
    }

    /** A period start of its own for each test, far from the others and from the real trigger's. */
    private Instant period(int weeksAhead) {
        return clock.instant().plus(Duration.ofDays(7L * weeksAhead));
    }

    /** How far {@code at} lies ahead of now: the schedule runs there (jobs are due by the database's clock). */
    private Duration ahead(Instant at) {
        return Duration.between(clock.instant(), at);
    }

    private void drain(String owner, Instant now) {
        while (workers.runNext(owner, ahead(now))) {
            // every due job
        }
    }

    private List<SyncRun> runs(String connectionId) {
        return QuarkusTransaction.requiringNew().call(() -> history.list("connectionId = ?1 order by startedAt",
                UUID.fromString(connectionId)));
    }

    @Test
    void theTriggerEnqueuesOncePerPeriodAndTheJobRunsWhenItsSpreadTimeComes() {
        String person = SandboxConnections.ward("erin", "Scheduled Demo", "2008-01-02");
        String c = SandboxConnections.connected("erin", person, "empty");
        UUID id = UUID.fromString(c);
        Instant period = period(100);
        assertEquals(1, schedule.enqueue(period, List.of(id)));
        assertEquals(0, schedule.enqueue(period, List.of(id)), "the same period is queued once");
        Instant due = period.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(schedule.offset(id));
        assertTrue(!due.isBefore(period.minusSeconds(1)) && due.isBefore(period.plus(Duration.ofDays(7))),
                "spread within the week");
        as("erin").get("/api/v1/connections/" + c).then().statusCode(200).body("nextSync", equalTo(due.toString()));

        drain("test-a", due.minusSeconds(1));
        assertTrue(runs(c).isEmpty(), "not due yet");
        drain("test-a", due.plusSeconds(1));
        List<SyncRun> runs = runs(c);
        assertEquals(1, runs.size());
        // The empty chart's only record is its Patient (demographics), new on the first run.
        assertEquals("new_records", runs.get(0).outcome);
        assertEquals(1, runs.get(0).newRecords);
        assertEquals(SyncJob.DONE, jobs.ofConnection(id).get(0).state);
        drain("test-a", due.plus(Duration.ofDays(1)));
        assertEquals(1, runs(c).size(), "a period runs once");
    }

    @Inject
    io.quarkus.scheduler.Scheduler scheduler;

    @Test
    void theWeeklyTriggerFiresOnMondaysAndNextSyncFollowsIt() {
        Instant next = scheduler.getScheduledJob(SyncSchedule.TRIGGER).getNextFireTime();
        java.time.ZonedDateTime at = next.atZone(java.time.ZoneOffset.UTC);
        assertEquals(java.time.DayOfWeek.MONDAY, at.getDayOfWeek());
        assertEquals(java.time.LocalTime.MIDNIGHT, at.toLocalTime());
        assertTrue(next.isAfter(clock.instant()) && next.isBefore(clock.instant().plus(Duration.ofDays(8))));
        String person = SandboxConnections.ward("erin", "Scheduled Next", "2008-09-10");
        String c = SandboxConnections.connected("erin", person, "empty");
        Instant expected = next.plus(schedule.offset(UUID.fromString(c)));
        as("erin").get("/api/v1/connections/" + c).then().body("nextSync", equalTo(expected.toString()));
    }

    @Test
    void shortlivedAccessEndsInReconnectRequiredOnTheScheduledSync() {
        String person = SandboxConnections.ward("erin", "Scheduled Shortlived", "2008-03-04");
        String c = SandboxConnections.connected("erin", person, "shortlived");
        UUID id = UUID.fromString(c);
        // a minute passes for Ferry and the portal: the access has ended, so no new sign-in is tried
        io.quarkus.test.junit.QuarkusMock.installMockForType(java.time.Clock.offset(java.time.Clock.systemUTC(),
                Duration.ofSeconds(61)), java.time.Clock.class);
        SandboxTime.advance(Duration.ofSeconds(61));
        Instant period = period(200);
        schedule.enqueue(period, List.of(id));
        drain("test-b", period.plus(Duration.ofDays(7)));
        List<SyncRun> runs = runs(c);
        assertEquals(1, runs.size());
        assertEquals("reconnect_required", runs.get(0).failureCode);
        SyncJob job = jobs.ofConnection(id).get(0);
        assertEquals(SyncJob.DONE, job.state, "ended access is not retried");
        assertEquals("reconnect_required", job.lastError);
        as("erin").get("/api/v1/connections/" + c).then().body("status", equalTo("action_required"))
                .body("failure.code", equalTo("reconnect_required")).body("nextSync", equalTo(null));
    }

    @Test
    void aCrashedWorkersJobIsClaimedAgainAfterItsLeaseAndNothingIsImportedTwice() {
        String person = SandboxConnections.ward("erin", "Scheduled Crash", "2008-05-06");
        String c = SandboxConnections.connected("erin", person, "demo");
        UUID id = UUID.fromString(c);
        Instant period = period(300);
        schedule.enqueue(period, List.of(id));
        Instant at = period.plus(Duration.ofDays(7));
        SyncClaim crashed = jobs.claim("crashed-instance/t1", ahead(at)).orElseThrow();
        assertEquals(id, crashed.connectionId());
        // The crashed worker imported part of the chart before it died.
        sync.run(id, jobs.run(crashed).orElseThrow(), true, new java.util.function.BooleanSupplier() {
            int pages;

            @Override
            public boolean getAsBoolean() {
                return ++pages < 3;
            }
        });
        drain("test-c", at.plus(Duration.ofMinutes(5)));
        assertEquals(1, runs(c).size(), "the lease still holds");
        drain("test-c", at.plus(Duration.ofMinutes(11)));
        List<SyncRun> runs = runs(c);
        assertEquals(2, runs.size());
        assertEquals("interrupted", runs.get(0).failureCode);
        assertNotNull(runs.get(1).finishedAt);
        assertNull(runs.get(1).failureCode);
        int total = as("erin").get("/api/v1/people/" + person + "/records").then().extract().path("total");
        assertTrue(runs.get(1).newRecords < total, "the crashed run had imported some records already");
        String reference = SandboxConnections.ward("erin", "Scheduled Reference", "2008-05-07");
        UUID whole = UUID.fromString(SandboxConnections.connected("erin", reference, "demo"));
        UUID run = history.start(whole);
        sync.run(whole, run);
        assertEquals(history.run(run).orElseThrow().newRecords, total, "the same chart, nothing imported twice");
        assertFalse(jobs.renew(crashed, ahead(at.plus(Duration.ofMinutes(12)))),
                "the crashed worker cannot write again");
    }

    @Inject
    ConnectionSync sync;

    @Test
    void aSecondSyncAsksOnlyForChanges() {
        String person = SandboxConnections.ward("erin", "Incremental", "2008-07-08");
        String c = SandboxConnections.connected("erin", person, "demo");
        UUID id = UUID.fromString(c);
        UUID first = history.start(id);
        sync.run(id, first);
        SyncRun one = history.run(first).orElseThrow();
        assertNull(one.changesSince, "the first sync reads everything");
        assertEquals(SyncRun.NEW_RECORDS, one.outcome);
        UUID second = history.start(id);
        sync.run(id, second);
        SyncRun two = history.run(second).orElseThrow();
        assertEquals(one.startedAt.minus(Duration.ofMinutes(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                two.changesSince);
        assertEquals(SyncRun.NO_NEW_RECORDS, two.outcome);
        assertEquals(0, two.updatedRecords, "the portal sent nothing that had not changed");
    }

    @Test
    void twoInstancesFiringTheTriggerTogetherSyncEachConnectionOnce() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String person = SandboxConnections.ward("frank", "Two Instances " + i, "2007-0" + (i + 1) + "-10");
            ids.add(UUID.fromString(SandboxConnections.connected("frank", person, i == 0 ? "demo" : "empty")));
        }
        Instant period = period(400);
        Instant later = period.plus(Duration.ofDays(7));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> queued = new ArrayList<>();
            for (String instance : List.of("instance-1", "instance-2")) {
                Callable<Integer> app = () -> {
                    together.await();
                    int added = schedule.enqueue(period, ids);
                    together.await();
                    drain(instance + "/worker", later);
                    return added;
                };
                queued.add(instances.submit(app));
            }
            assertEquals(ids.size(), queued.get(0).get() + queued.get(1).get(), "each job was queued by one");
        } finally {
            instances.shutdownNow();
        }
        for (UUID id : ids) {
            List<SyncRun> runs = runs(id.toString());
            assertEquals(1, runs.size(), "connection " + id + " synced exactly once");
            assertNotNull(runs.get(0).finishedAt);
            assertEquals(1, jobs.ofConnection(id).size());
        }
    }
}
