package health.ferry.connections;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Ends SMART authorisations the participant never came back from within the state's lifetime (Deny at a portal
 * that does not redirect, a closed tab): each becomes authorization_declined with Start again, on a schedule
 * ({@code ferry.connections.smart.stale-sweep-every}, 1 minute), not only when its page is looked at.
 */
@ApplicationScoped
class StaleAuthorizations {
    @Inject
    ConnectionRepository connections;
    @Inject
    SmartAuthorizations smart;
    @Inject
    Clock clock;
    @Inject
    health.ferry.jobs.DatabaseOutage outage;

    @Scheduled(every = "${ferry.connections.smart.stale-sweep-every:60s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        outage.poll("stale-authorizations", this::expire);
    }

    /** Ends every authorisation older than the state's lifetime (each under its row lock); answers how many. */
    int expire() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> connections.findAuthorizingSince(
                clock.instant().minus(SmartAuthorizations.STATE_LIFETIME)));
        return (int) due.stream().filter(smart::expireIfStale).count();
    }
}
