package health.ferry.sync;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import health.ferry.connections.PortalAccess;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A missed weekly slot (R7): the trigger is a plain cron that does not fire for a time when no instance was running,
 * so at start-up every instance enqueues the period of the trigger's latest scheduled time. The (connection,
 * period) key makes that once per connection however many instances start, and nothing when the trigger did fire;
 * a connection connected after the slot gets its sync of that period too.
 */
@ApplicationScoped
class SyncCatchUp {
    private static final Logger LOG = Logger.getLogger(SyncCatchUp.class);

    @Inject
    SyncSchedule schedule;
    @Inject
    PortalAccess access;
    @Inject
    Clock clock;
    @ConfigProperty(name = "ferry.sync.cron", defaultValue = "0 0 0 ? * MON")
    String cron;
    @ConfigProperty(name = "ferry.sync.catch-up", defaultValue = "true")
    boolean enabled;

    void started(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        try {
            catchUp(access.connectedIds());
        } catch (RuntimeException e) {
            // The database may not be there yet: the next start, or the next weekly trigger, catches up.
            LOG.warnf("sync catch-up skipped: %s", e.getClass().getName());
        }
    }

    /** Enqueues these connections for the period of the trigger's latest scheduled time; answers how many. */
    int catchUp(Collection<UUID> connectionIds) {
        return lastSlot(cron, clock.instant()).map(slot -> schedule.enqueue(slot, connectionIds)).orElse(0);
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
