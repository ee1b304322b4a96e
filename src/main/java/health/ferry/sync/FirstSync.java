package health.ferry.sync;

import health.ferry.connections.ConnectionChanged;
import health.ferry.connections.ConnectionStatus;
import health.ferry.jobs.DatabaseOutage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * A connection that has just become connected — first connected, or again after a reconnect, a profile choice,
 * updated sign-in details or a one-time code — is synced at once rather than at its weekly slot: a participant who
 * just connected expects records in minutes. The sync is a job of the ordinary queue ({@link SyncJobs}), due now,
 * keyed by the moment it connected, so it is leased, retried and resumed after a crash like a scheduled one; the
 * workers are woken at once instead of at their next poll.
 */
@ApplicationScoped
class FirstSync {
    @Inject
    SyncConfig config;
    private static final Logger LOG = Logger.getLogger(FirstSync.class);
    /** The actions after which a connection's state is the portal's answer (ConnectionOutcomes, a SMART return). */
    private static final Set<String> ANSWERS = Set.of("status", "authorized");

    private static final java.time.Duration DUE_SLACK = java.time.Duration.ofMinutes(1);

    @Inject
    SyncJobs jobs;
    @Inject
    SyncWorkers workers;
    @Inject
    Clock clock;
    @Inject
    DatabaseOutage outage;

    /** After the commit that made the connection connected (so the job's worker reads it connected). */
    void connected(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConnectionChanged change) {
        if (!config.firstSync() || !ANSWERS.contains(change.action())
                || !ConnectionStatus.CONNECTED.code().equals(change.status())) {
            return;
        }
        try {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            // due a minute back, so an instance whose clock runs a little behind the database's still finds it due
            if (jobs.enqueue(change.connectionId(), now, now.minus(DUE_SLACK))) {
                workers.poll();
            }
        } catch (RuntimeException e) {
            // Not lost for good: the weekly slot (and its start-up catch-up) still syncs the connection.
            if (!outage.failed("first-sync", e)) {
                LOG.warnf("first sync of connection %s not queued: %s", change.connectionId(), e.getClass().getName());
            }
        }
    }
}
