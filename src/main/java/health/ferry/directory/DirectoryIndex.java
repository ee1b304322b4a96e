package health.ferry.directory;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Holds the in-memory snapshot searches read, so no search touches the database. It is rebuilt after imports, in
 * the background after other changes, and whenever the database's fingerprint moves (another instance wrote).
 */
@ApplicationScoped
class DirectoryIndex {
    private static final Logger LOG = Logger.getLogger(DirectoryIndex.class);

    @Inject
    DirectoryRows rows;
    @Inject
    health.ferry.jobs.DatabaseOutage outage;

    private volatile DirectorySnapshot snapshot = DirectorySnapshot.EMPTY;
    private volatile String fingerprint;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ferry-directory-index");
        t.setDaemon(true);
        return t;
    });

    DirectorySnapshot current() {
        return snapshot;
    }

    /** Rebuilds the snapshot from the database now. */
    synchronized void rebuild() {
        long start = System.nanoTime();
        String seen = rows.fingerprint();
        DirectorySnapshot built = DirectorySnapshot.build(rows.load());
        snapshot = built;
        fingerprint = seen;
        LOG.infof("Directory index rebuilt in %d ms: %s", (System.nanoTime() - start) / 1_000_000, built.describe());
    }

    /** Rebuilds on the background thread; requests made while one runs are folded into the next. */
    void rebuildSoon() {
        if (queued.compareAndSet(false, true)) {
            background.execute(() -> {
                queued.set(false);
                try {
                    rebuild();
                } catch (RuntimeException e) {
                    LOG.warnf("Directory index rebuild failed (%s); the previous index stays", e.getClass().getName());
                }
            });
        }
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) DirectoryChanged change) {
        if (change.newStatus() == null || !snapshot.changeStatus(change.portalId(), change.newStatus())) {
            rebuildSoon();
        }
    }

    @Scheduled(every = "${ferry.directory.index-check-every:60s}", delayed = "${ferry.directory.index-check-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkForChanges() {
        if (fingerprint == null) {
            return; // not built yet: nothing to compare (and no round that reaches the database)
        }
        outage.poll("directory-index", () -> {
            if (!Objects.equals(fingerprint, rows.fingerprint())) {
                rebuildSoon();
            }
        });
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
