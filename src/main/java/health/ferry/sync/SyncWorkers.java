package health.ferry.sync;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs due sync jobs on a fixed number of threads ({@code ferry.sync.workers}: bounded concurrency per instance).
 * A poller wakes them; each claims jobs under a lease until none is due. A transient failure gives the job back
 * for a later attempt with backoff (at least the portal's {@code Retry-After}); ended access is not retried.
 */
@ApplicationScoped
class SyncWorkers {
    private static final Logger LOG = Logger.getLogger(SyncWorkers.class);
    private static final Set<String> RETRYABLE = Set.of("portal_unavailable", "internal_error");

    /** Names this instance in leases: process id and a random suffix. */
    private final String instance = ProcessHandle.current().pid() + "-"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger threads = new AtomicInteger();
    private volatile boolean stopping;
    private ExecutorService pool;

    @Inject
    SyncJobs jobs;
    @Inject
    ConnectionSync sync;
    @Inject
    Clock clock;
    @ConfigProperty(name = "ferry.sync.workers", defaultValue = "2")
    int workers;
    @ConfigProperty(name = "ferry.sync.max-attempts", defaultValue = "4")
    int maxAttempts;
    @ConfigProperty(name = "ferry.sync.job-retry-backoff", defaultValue = "PT15M")
    Duration retryBackoff;

    @Scheduled(every = "${ferry.sync.poll-every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        for (int i = 0; i < workers; i++) {
            int now = running.get();
            if (stopping || now >= workers || !running.compareAndSet(now, now + 1)) {
                return;
            }
            pool().execute(this::drain);
        }
    }

    private void drain() {
        String owner = instance + "/" + Thread.currentThread().getName();
        try {
            while (!stopping && runNext(owner, clock.instant())) {
                // next job
            }
        } catch (RuntimeException e) {
            LOG.errorf("sync worker stopped: %s", e.getClass().getName());
        } finally {
            running.decrementAndGet();
        }
    }

    /**
     * Claims and runs one job due at {@code now} for {@code owner}; false when none is due. Time inside the run is
     * {@code now} plus the time the run took, so tests can run the schedule at a moved clock.
     */
    boolean runNext(String owner, Instant now) {
        Optional<SyncClaim> claimed = jobs.claim(owner, now);
        if (claimed.isEmpty()) {
            return false;
        }
        SyncClaim claim = claimed.get();
        Instant started = clock.instant();
        UUID runId = jobs.run(claim).orElse(null);
        if (runId == null) {
            return true;
        }
        ConnectionSync.Result result = sync.run(claim.connectionId(), runId, true,
                () -> jobs.renew(claim, at(now, started)));
        if (ConnectionSync.LEASE_LOST.equals(result.failureCode())) {
            return true;
        }
        Instant end = at(now, started);
        jobs.finish(claim, result.failureCode(), retryAt(claim, result, end), end);
        return true;
    }

    private Instant at(Instant now, Instant started) {
        return now.plus(Duration.between(started, clock.instant()));
    }

    private Instant retryAt(SyncClaim claim, ConnectionSync.Result result, Instant now) {
        if (!result.failed() || !RETRYABLE.contains(result.failureCode()) || claim.token() >= maxAttempts) {
            return null;
        }
        Duration wait = retryBackoff.multipliedBy(1L << Math.min(claim.token() - 1, 10));
        if (result.retryAfter() != null && result.retryAfter().compareTo(wait) > 0) {
            wait = result.retryAfter();
        }
        return now.plus(wait);
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(workers, task -> {
                Thread thread = new Thread(task, "ferry-sync-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return pool;
    }

    @PreDestroy
    void stop() {
        stopping = true;
        synchronized (this) {
            if (pool != null) {
                pool.shutdown();
                try {
                    pool.awaitTermination(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        // A run cut short keeps its lease until it expires; then any instance claims the job again.
    }
}
