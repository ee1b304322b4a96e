package health.ferry.sync;

import health.ferry.jobs.Backoff;
import health.ferry.jobs.DatabaseOutage;
import health.ferry.jobs.WorkerPool;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs due sync jobs on a fixed number of threads ({@code ferry.sync.workers}: bounded concurrency per instance,
 * {@link WorkerPool}). A poller wakes them; each claims jobs under a lease until none is due. A transient failure
 * gives the job back for a later attempt with backoff (at least the portal's {@code Retry-After}); ended access is
 * not retried. When the application stops, a running sync ends after its current page (as if its lease were lost)
 * and the job is claimed again once the lease expires. A run the database drops under waits for it and goes on
 * ({@link ConnectionSync}); while it is unreachable the poller pauses but for a probe now and then.
 */
@ApplicationScoped
class SyncWorkers {
    @Inject
    SyncConfig config;
    private WorkerPool pool;

    @Inject
    SyncJobs jobs;
    @Inject
    ConnectionSync sync;
    @Inject
    DatabaseOutage outage;

    @PostConstruct
    void createPool() {
        pool = new WorkerPool("ferry-sync", config.workers(), outage);
    }

    @Scheduled(every = "${ferry.sync.poll-every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (outage.paused()) {
            return;
        }
        for (int i = 0; i < config.workers(); i++) {
            if (!pool.start(this::drain)) {
                return;
            }
        }
    }

    private void drain(String owner) {
        while (!pool.stopping() && runNext(owner, Duration.ZERO)) {
            // next job
        }
        outage.reachable();
    }

    /**
     * Claims and runs one job due at the database's time for {@code owner}; false when none is due. {@code ahead}
     * moves that time forward, so tests can run the schedule weeks from now (zero in the application).
     */
    boolean runNext(String owner, Duration ahead) {
        Optional<SyncClaim> claimed = jobs.claim(owner, ahead);
        if (claimed.isEmpty()) {
            return false;
        }
        SyncClaim claim = claimed.get();
        UUID runId = jobs.run(claim).orElse(null);
        if (runId == null) {
            return true;
        }
        ConnectionSync.Result result = sync.run(claim.connectionId(), runId, true,
                () -> !pool.stopping() && jobs.renew(claim, ahead));
        if (result.failed() && result.failure().unfinished()) {
            return true;
        }
        jobs.finish(claim, result.failureCode(), retryIn(claim, result), ahead);
        return true;
    }

    /** How long until the next attempt, or null when the job is done (succeeded, ended for good, or out of tries). */
    private Duration retryIn(SyncClaim claim, ConnectionSync.Result result) {
        if (!result.failed() || !result.failure().retryable() || claim.token() >= config.maxAttempts()) {
            return null;
        }
        // The ceiling keeps the ten doublings the sync queue always allowed.
        Duration first = config.jobRetryBackoff();
        return new Backoff(first, first.multipliedBy(1024)).atLeast(claim.token(), result.retryAfter());
    }

    /** The application is stopping: claim nothing more, and let running syncs end while the database is there. */
    void stopping(@Observes ShutdownEvent event) {
        pool.stop();
    }

    @PreDestroy
    void stop() {
        pool.stop();
    }
}
