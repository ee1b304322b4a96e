package health.ferry.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.connections.SandboxConnections;
import health.ferry.jobs.Leases;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Security plan R14, clock skew: this instance's clock (Ferry's injected {@link Clock}) runs two minutes ahead of the
 * database and of the instance holding a lease. Leases are measured on the database's clock, so the skewed claimer
 * does not take a live lease before it really expires, takes it after, and the lease it sets (and renews) runs for
 * the configured time from the database's now, not from its own clock. The weekly trigger names its period by the
 * cron slot, so two instances whose clocks differ enqueue a period once. Runs on H2 and PostgreSQL (profile pg);
 * the sync poller is off in tests, so no background worker claims these jobs.
 */
@QuarkusTest
class LeaseClockSkewTest {
    private static final Duration SKEW = Duration.ofMinutes(2);
    /** What the holder's lease has left when the skewed instance tries: well inside the skew, and a slow machine. */
    private static final Duration LEFT = Duration.ofSeconds(15);
    /** What the lease has left when the test waits for it to run out. */
    private static final Duration SHORT = Duration.ofSeconds(2);

    @Inject
    SyncJobs jobs;
    @Inject
    SyncSchedule schedule;
    @Inject
    Leases leases;
    @Inject
    Clock clock;
    @ConfigProperty(name = "ferry.sync.lease")
    Duration lease;

    @BeforeEach
    void clockTwoMinutesAhead() {
        QuarkusMock.installMockForType(Clock.offset(Clock.systemUTC(), SKEW), Clock.class);
    }

    private Instant dbNow() {
        return QuarkusTransaction.requiringNew().call(leases::now);
    }

    private SyncJob job(UUID connectionId) {
        return QuarkusTransaction.requiringNew().call(() -> jobs.ofConnection(connectionId).get(0));
    }

    /** A connection with one sync job, due long ago so it is the first due job of the shared queue. */
    private UUID queued(String name, String birthDate) {
        String person = SandboxConnections.ward("erin", name, birthDate);
        UUID id = UUID.fromString(SandboxConnections.connected("erin", person, "empty"));
        Instant longAgo = Instant.parse("2001-01-01T00:00:00Z");
        assertTrue(jobs.enqueue(id, longAgo.plusSeconds(id.hashCode() & 0xffff), longAgo));
        return id;
    }

    @Test
    void aClaimerWhoseClockRunsAheadTakesALiveLeaseOnlyOnceItReallyExpires() throws Exception {
        assertTrue(Duration.between(dbNow(), clock.instant()).compareTo(SKEW.minusSeconds(5)) > 0,
                "this instance's clock runs two minutes ahead of the database");
        UUID id = queued("Skew Lease", "2009-02-03");
        SyncClaim holder = jobs.claim("holder-instance/t1", Duration.ZERO).orElseThrow();
        assertEquals(id, holder.connectionId());
        QuarkusTransaction.requiringNew().run(() -> jobs.findById(holder.jobId()).leaseExpiresAt = leases.now()
                .plus(LEFT));

        Optional<SyncClaim> early = jobs.claim("skewed-instance/t1", Duration.ZERO);
        assertTrue(early.map(c -> !c.jobId().equals(holder.jobId())).orElse(true),
                "a lease with seconds left is not taken by an instance whose clock says it ended two minutes ago");
        early.ifPresent(other -> jobs.finish(other, null, Duration.ZERO, Duration.ZERO)); // not ours: give back
        SyncJob held = job(id);
        assertEquals("holder-instance/t1", held.leaseOwner);
        assertEquals(1, held.attempts);
        assertTrue(jobs.renew(holder, Duration.ZERO), "the holder still holds it");
        assertTrue(Duration.between(dbNow(), job(id).leaseExpiresAt).compareTo(lease.plusSeconds(5)) < 0,
                "the renewed lease runs from the database's now");
        QuarkusTransaction.requiringNew().run(() -> jobs.findById(holder.jobId()).leaseExpiresAt = leases.now()
                .plus(SHORT));
        Instant again = job(id).leaseExpiresAt;

        Optional<SyncClaim> taken = Optional.empty();
        for (int i = 0; i < 300 && taken.isEmpty(); i++) {
            Thread.sleep(100);
            taken = jobs.claim("skewed-instance/t1", Duration.ZERO).filter(c -> c.jobId().equals(holder.jobId()));
        }
        assertTrue(taken.isPresent(), "the job is taken once its lease has expired");
        SyncJob job = job(id);
        Instant takenAt = job.updatedAt;
        assertTrue(takenAt.isAfter(again), "not before the database's clock passed the lease's end " + again);
        assertEquals("skewed-instance/t1", job.leaseOwner);
        assertEquals(2, job.attempts, "the takeover is a new attempt: the holder's token no longer counts");
        Instant after = dbNow();
        assertFalse(takenAt.isAfter(after), "the claim is stamped with the database's time, not the skewed clock's");
        Duration left = Duration.between(after, job.leaseExpiresAt);
        assertTrue(left.compareTo(lease.plusSeconds(5)) < 0 && left.compareTo(lease.minusSeconds(5)) > 0,
                "the new lease runs " + lease + " from the database's now, not from the skewed clock: " + left);
        assertFalse(jobs.renew(holder, Duration.ZERO), "the old holder cannot extend it");

        jobs.finish(taken.get(), null, null, Duration.ZERO);
        assertEquals(SyncJob.DONE, job(id).state);
    }

    @Test
    void twoInstancesWhoseClocksDifferEnqueueAWeeklyPeriodOnce() {
        String person = SandboxConnections.ward("erin", "Skew Trigger", "2009-04-05");
        UUID id = UUID.fromString(SandboxConnections.connected("erin", person, "empty"));
        Instant slot = Instant.parse("2031-06-02T00:00:00Z"); // a Monday 00:00 UTC, the cron slot
        // The skewed instance fires two minutes early by the true time; both see the same scheduled fire time.
        assertEquals(1, enqueueAsTrigger(slot, slot.minus(SKEW), id));
        assertEquals(0, enqueueAsTrigger(slot, slot.plusMillis(300), id));
        List<SyncJob> queued = QuarkusTransaction.requiringNew().call(() -> jobs.ofConnection(id));
        assertEquals(1, queued.size());
        assertEquals(slot, queued.get(0).periodStart);
    }

    /** What {@link SyncSchedule#weekly} enqueues when the trigger fires at {@code fired} for {@code slot}. */
    private int enqueueAsTrigger(Instant slot, Instant fired, UUID connectionId) {
        ScheduledExecution execution = new ScheduledExecution() {
            @Override
            public Trigger getTrigger() {
                return null;
            }

            @Override
            public Instant getFireTime() {
                return fired;
            }

            @Override
            public Instant getScheduledFireTime() {
                return slot;
            }
        };
        return schedule.enqueue(schedule.period(execution), List.of(connectionId));
    }
}
