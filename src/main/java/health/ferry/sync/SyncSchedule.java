package health.ferry.sync;

import health.ferry.connections.PortalAccess;
import health.ferry.jobs.DatabaseOutage;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The weekly sync schedule. The trigger ({@code ferry.sync.cron}, Mondays 00:00 UTC by default) only enqueues: one
 * job per connected connection for the period that starts at the trigger's scheduled fire time, due at the period
 * start plus the connection's own offset (a hash of its id spread over {@code ferry.sync.spread}, a week), so the
 * load is even. Every instance fires the trigger; the (connection, period) key makes that harmless. The period is
 * the trigger's scheduled fire time (the cron slot), not the firing instance's clock, so instances whose clocks
 * differ name the same period and enqueue it once (security plan R14).
 */
@ApplicationScoped
public class SyncSchedule {
    @Inject
    SyncConfig config;
    static final String TRIGGER = "ferry-sync-weekly";
    private static final Logger LOG = Logger.getLogger(SyncSchedule.class);

    @Inject
    PortalAccess access;
    @Inject
    SyncJobs jobs;
    @Inject
    Scheduler scheduler;
    @Inject
    DatabaseOutage outage;

    @Scheduled(identity = TRIGGER, cron = "${ferry.sync.cron:0 0 0 ? * MON}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void weekly(ScheduledExecution execution) {
        // an unreachable database is one WARN (DatabaseOutage); the hourly SyncCatchUp enqueues the slot once it is back
        outage.poll("weekly-sync-trigger", () -> enqueue(period(execution)));
    }

    /**
     * The period a firing names: the trigger's scheduled fire time (the cron slot), the same on every instance,
     * never the moment this instance's clock fired it.
     */
    Instant period(ScheduledExecution execution) {
        return execution.getScheduledFireTime();
    }

    /** Enqueues every connected connection for the period starting at {@code periodStart}; answers how many. */
    public int enqueue(Instant periodStart) {
        return enqueue(periodStart, access.connectedIds());
    }

    int enqueue(Instant periodStart, Collection<UUID> connectionIds) {
        Instant period = periodStart.truncatedTo(ChronoUnit.SECONDS);
        int added = 0;
        for (UUID id : connectionIds) {
            if (jobs.enqueue(id, period, period.plus(offset(id)))) {
                added++;
            }
        }
        LOG.infof("sync period %s: %d connections queued", period, added);
        return added;
    }

    /** Where in the period the connection's sync falls: a stable hash of its id, spread evenly. */
    Duration offset(UUID connectionId) {
        long seconds = Math.max(1, config.spread().toSeconds());
        long hash = connectionId.getMostSignificantBits() * 31 + connectionId.getLeastSignificantBits();
        return Duration.ofSeconds(Math.floorMod(hash, seconds));
    }

    /** The queued job's due time, else the next trigger's period start plus the connection's offset. */
    Optional<Instant> nextSync(UUID connectionId) {
        Optional<Instant> queued = jobs.nextQueued(connectionId);
        if (queued.isPresent()) {
            return queued;
        }
        Trigger trigger = scheduler.getScheduledJob(TRIGGER);
        return Optional.ofNullable(trigger == null ? null : trigger.getNextFireTime())
                .map(next -> next.truncatedTo(ChronoUnit.SECONDS).plus(offset(connectionId)));
    }
}
