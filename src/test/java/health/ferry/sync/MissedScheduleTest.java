package health.ferry.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.connections.SandboxConnections;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * R7, a missed schedule: every instance was down in the weekly slot. Started again, each enqueues the period of the
 * trigger's latest scheduled time ({@link SyncCatchUp}, on a timer shortly after start-up; off in the other tests):
 * three instances starting together queue one job per connection, and a later start, or a slot the trigger did
 * fire, adds none.
 */
@QuarkusTest
class MissedScheduleTest {
    @Inject
    SyncCatchUp catchUp;
    @Inject
    SyncSchedule schedule;
    @Inject
    SyncJobs jobs;
    @Inject
    Clock clock;

    @Test
    void theLatestSlotOfTheWeeklyCronIsTheMondayBefore() {
        String weekly = "0 0 0 ? * MON";
        assertEquals(Instant.parse("2026-11-16T00:00:00Z"),
                SyncCatchUp.lastSlot(weekly, Instant.parse("2026-11-18T10:15:00Z")).orElseThrow());
        assertEquals(Instant.parse("2026-11-16T00:00:00Z"),
                SyncCatchUp.lastSlot(weekly, Instant.parse("2026-11-22T23:59:59Z")).orElseThrow(), "Sunday night");
        assertEquals(Instant.parse("2026-11-23T00:00:00Z"),
                SyncCatchUp.lastSlot(weekly, Instant.parse("2026-11-23T00:00:01Z")).orElseThrow(), "just after");
        assertEquals(java.util.Optional.empty(), SyncCatchUp.lastSlot("off", Instant.now()), "no trigger, no slot");
    }

    @Test
    void theStartUpCatchUpRunsOnATimerOffTheStartUpPath() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        AtomicReference<String> thread = new AtomicReference<>();
        long asked = System.nanoTime();
        catchUp.later(Duration.ofMillis(300), () -> {
            thread.set(Thread.currentThread().getName());
            ran.countDown();
        });
        assertEquals(1, ran.getCount(), "started() answers at once: the StartupEvent does not wait for it");
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - asked >= Duration.ofMillis(300).toNanos(), "after its delay");
        assertTrue(thread.get().startsWith("executor-thread"), thread.get() + ": a worker, not the event loop");

        CountDownLatch cancelled = new CountDownLatch(1);
        catchUp.later(Duration.ofMillis(300), cancelled::countDown);
        catchUp.stopping(null);
        assertFalse(cancelled.await(1, TimeUnit.SECONDS), "a stop before the delay cancels it");
    }

    @Test
    void threeInstancesStartingAfterAMissedSlotQueueEachConnectionOnce() throws Exception {
        String person = SandboxConnections.ward("erin", "Missed Slot", "2009-10-11");
        UUID id = UUID.fromString(SandboxConnections.connected("erin", person, "empty"));
        Instant slot = SyncCatchUp.lastSlot("0 0 0 ? * MON", clock.instant()).orElseThrow();
        CyclicBarrier together = new CyclicBarrier(3);
        ExecutorService instances = Executors.newFixedThreadPool(3);
        int queued = 0;
        try {
            List<Future<Integer>> started = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Callable<Integer> start = () -> {
                    together.await();
                    return catchUp.catchUp(List.of(id));
                };
                started.add(instances.submit(start));
            }
            for (Future<Integer> f : started) {
                queued += f.get();
            }
        } finally {
            instances.shutdownNow();
        }
        assertEquals(1, queued, "one job between the three instances");
        List<SyncJob> queue = jobs.ofConnection(id);
        assertEquals(1, queue.size());
        assertEquals(slot, queue.get(0).periodStart, "the missed period");
        assertEquals(slot.plus(schedule.offset(id)), queue.get(0).runAfter, "due at its usual place in the week");

        assertEquals(0, catchUp.catchUp(List.of(id)), "a later start adds nothing");
        String other = SandboxConnections.ward("erin", "Fired Slot", "2009-10-12");
        UUID fired = UUID.fromString(SandboxConnections.connected("erin", other, "empty"));
        assertEquals(1, schedule.enqueue(slot, List.of(fired)), "the trigger fired for this one");
        assertEquals(0, catchUp.catchUp(List.of(fired)), "so the catch-up adds nothing");
        assertEquals(1, jobs.ofConnection(fired).size());
    }

    @Test
    void aSlotWhoseTriggerFoundNoDatabaseIsCaughtUpByTheHourlyCheckAndOnlyThat() {
        // a slot of its own, long past: no other test has jobs for it
        Instant slot = Instant.parse("2001-01-01T00:00:00Z");
        String person = SandboxConnections.ward("erin", "Lost Trigger", "2009-10-13");
        UUID id = UUID.fromString(SandboxConnections.connected("erin", person, "empty"));
        assertEquals(0, catchUp.recover(slot, List.of()), "no connections, nothing to do");
        assertEquals(1, catchUp.recover(slot, List.of(id)), "no job for the slot at all: the trigger's enqueue was lost");
        assertEquals(slot, jobs.ofConnection(id).get(0).periodStart);
        String later = SandboxConnections.ward("erin", "Connected Later", "2009-10-14");
        UUID next = UUID.fromString(SandboxConnections.connected("erin", later, "empty"));
        assertEquals(0, catchUp.recover(slot, List.of(id, next)), "the slot has jobs: the trigger ran, nothing more");
        assertEquals(List.of(), jobs.ofConnection(next).stream().filter(j -> j.periodStart.equals(slot)).toList());
    }
}
