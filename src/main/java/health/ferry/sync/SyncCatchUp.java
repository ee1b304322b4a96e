package health.ferry.sync;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import health.ferry.connections.PortalAccess;
import health.ferry.jobs.DatabaseOutage;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * A missed weekly slot (R7): the trigger is a plain cron that does not fire for a time when no instance was running,
 * so shortly after start-up ({@code ferry.sync.catch-up-delay}) every instance enqueues the period of the trigger's
 * latest scheduled time. The (connection, period) key makes that once per connection however many instances start,
 * and nothing when the trigger did fire; a connection connected after the slot gets its sync of that period too.
 *
 * <p>A slot missed by a running instance — the database was unreachable when the trigger fired — is caught up by
 * an hourly check: when no connection has a job for the latest slot at all, the trigger's enqueue did not happen,
 * and the catch-up does it. (When some have one, the trigger ran; connections connected since are left to their
 * own first sync and the next slot.)
 */
@ApplicationScoped
class SyncCatchUp {
    @Inject
    SyncConfig config;
    private static final Logger LOG = Logger.getLogger(SyncCatchUp.class);

    @Inject
    SyncSchedule schedule;
    @Inject
    PortalAccess access;
    @Inject
    Clock clock;
    @Inject
    SyncJobs jobs;
    @Inject
    DatabaseOutage outage;
    @Inject
    Vertx vertx;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();

    /**
     * Not on the start-up path: nothing a request needs waits for it, and run while Ferry starts it would hold
     * readiness back by its queries (docs/benchmarks.md §7).
     */
    void started(@Observes StartupEvent event) {
        if (config.catchUp()) {
            later(config.catchUpDelay(), this::catchUpAtStart);
        }
    }

    /** Runs {@code task} on a worker thread {@code delay} from now, unless Ferry stops first; answers at once. */
    void later(Duration delay, Runnable task) {
        long id = vertx.setTimer(Math.max(1, delay.toMillis()), timer -> {
            pending.remove(timer);
            vertx.executeBlocking(() -> {
                task.run();
                return null;
            }, false);
        });
        pending.add(id);
    }

    /** A stop (or a dev-mode restart, which keeps Vert.x) cancels a catch-up that has not run yet. */
    void stopping(@Observes ShutdownEvent event) {
        pending.forEach(vertx::cancelTimer);
        pending.clear();
    }

    void catchUpAtStart() {
        try {
            int queued = catchUp(access.connectedIds());
            if (queued > 0) {
                LOG.infof("sync catch-up at start: %d connections queued for the latest weekly slot", queued);
            }
        } catch (RuntimeException e) {
            // The database may not be there yet: the hourly check, or the next weekly trigger, catches up.
            LOG.warnf("sync catch-up skipped: %s", e.getClass().getName());
        }
    }

    @Scheduled(every = "${ferry.sync.catch-up-every:1h}", delayed = "10m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        if (config.catchUp()) {
            outage.poll("sync-catch-up", () -> lastSlot(config.cron(), clock.instant())
                    .ifPresent(slot -> recover(slot, access.connectedIds())));
        }
    }

    /**
     * Enqueues these connections for {@code slot} when no connection has a job for it (the trigger's enqueue was
     * lost); answers how many were queued.
     */
    int recover(Instant slot, Collection<UUID> connectionIds) {
        if (connectionIds.isEmpty() || jobs.anyFor(slot)) {
            return 0;
        }
        LOG.infof("sync period %s had no jobs: the weekly trigger's enqueue was missed, catching up", slot);
        return schedule.enqueue(slot, connectionIds);
    }

    /** Enqueues these connections for the period of the trigger's latest scheduled time; answers how many. */
    int catchUp(Collection<UUID> connectionIds) {
        return lastSlot(config.cron(), clock.instant()).map(slot -> schedule.enqueue(slot, connectionIds))
                .orElse(0);
    }

    /** The latest time before {@code now} the Quartz-style cron (UTC) was due; empty when the trigger is off. */
    static Optional<Instant> lastSlot(String cron, Instant now) {
        if (cron == null || cron.isBlank() || cron.equals("off") || cron.equals("disabled")) {
            return Optional.empty(); // the trigger is off: nothing was missed
        }
        CronParser parser = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
        return ExecutionTime.forCron(parser.parse(cron)).lastExecution(ZonedDateTime.ofInstant(now, ZoneOffset.UTC))
                .map(ZonedDateTime::toInstant);
    }
}
