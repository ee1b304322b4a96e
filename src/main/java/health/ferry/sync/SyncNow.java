package health.ferry.sync;

import health.ferry.connections.ConnectionView;
import health.ferry.connections.ConnectionWizard;
import health.ferry.outcome.Outcome;
import health.ferry.outcome.OutcomeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.context.ManagedExecutor;

/** "Sync now" for a connection the account owns: at most once per cool-down per connection, run in the background. */
@ApplicationScoped
public class SyncNow {
    @Inject
    SyncConfig config;
    @Inject
    ConnectionWizard connections;
    @Inject
    SyncHistory history;
    @Inject
    ConnectionSync sync;
    @Inject
    ManagedExecutor executor;
    @Inject
    Clock clock;

    static final Duration STALE = Duration.ofMinutes(30);

    private final ReentrantLock starting = new ReentrantLock();

    /** Starts a sync and answers its run id; empty within the cool-down or while one runs (the caller: 429). */
    public Optional<UUID> start(String connectionId) {
        ConnectionView c = connections.view(connectionId);
        if (!c.isConnected()) {
            throw new OutcomeException(Outcome.CONFLICT, "Only a connected portal can be synced.");
        }
        UUID runId;
        starting.lock();
        try {
            Optional<SyncRun> last = history.latest(c.id());
            if (last.isPresent() && busy(last.get())) {
                return Optional.empty();
            }
            runId = history.start(c.id());
        } finally {
            starting.unlock();
        }
        executor.runAsync(() -> sync.run(c.id(), runId));
        return Optional.of(runId);
    }

    /** Within the cool-down, or still running (a run unfinished after {@link #STALE} is taken as crashed). */
    private boolean busy(SyncRun last) {
        var now = clock.instant();
        return last.startedAt.plus(config.nowCooldown()).isAfter(now)
                || (last.finishedAt == null && last.startedAt.plus(STALE).isAfter(now));
    }

    /** Seconds until the next "sync now" is allowed. */
    long cooldownSeconds() {
        return config.nowCooldown().toSeconds();
    }
}
