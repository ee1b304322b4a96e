package health.ferry.connections;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks for connections whose access ends (as the portal said) within {@code ferry.connections.access-reminder}
 * (a week) or has ended, and announces each; notifications keeps one notice per connection and end.
 */
@ApplicationScoped
public class AccessReminders {
    @Inject
    ConnectionRepository connections;
    @Inject
    Event<AccessEnding> ending;
    @Inject
    Clock clock;
    @Inject
    health.ferry.jobs.DatabaseOutage outage;
    @ConfigProperty(name = "ferry.connections.access-reminder", defaultValue = "P7D")
    Duration window;

    @Scheduled(every = "${ferry.connections.access-reminders-every:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        outage.poll("access-reminders", () -> remind(clock.instant()));
    }

    /** Announces every connection (not disconnected) whose access ends before {@code now} plus the window. */
    @Transactional
    public int remind(Instant now) {
        List<Connection> due = connections.list("accessEndsAt is not null and accessEndsAt <= ?1 and status <> ?2",
                now.plus(window), ConnectionStatus.DISCONNECTED);
        due.forEach(c -> ending.fire(new AccessEnding(c.id, c.personId, c.portalName, c.accessEndsAt,
                !c.accessEndsAt.isAfter(now))));
        return due.size();
    }
}
