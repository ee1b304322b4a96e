package health.ferry.uploads;

import health.ferry.jobs.DatabaseOutage;
import health.ferry.jobs.WorkerPool;
import health.ferry.uploads.detection.DocumentExtractor;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs upload jobs on a fixed number of worker threads ({@link WorkerPool}; one by default on two cores), each with
 * its own extraction worker JVM. Woken right after an upload commits, and by a poller that also finds retries and
 * jobs left behind by a crashed instance once their lease has expired. When the application stops, the workers end
 * at the next document and leave the job under its lease, to be resumed once it expires. While the database is
 * unreachable the poller pauses but for a probe now and then ({@link DatabaseOutage}).
 */
@ApplicationScoped
class UploadWorkers {
    private final ConcurrentLinkedQueue<DocumentExtractor> extractors = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean checking = new AtomicBoolean();
    private WorkerPool pool;

    @Inject
    UploadProcessor processor;
    @Inject
    UploadsConfig config;
    @Inject
    DatabaseOutage outage;
    @Inject
    ExtractionReadiness readiness;
    @ConfigProperty(name = "ferry.uploads.extraction.check-at-start", defaultValue = "true")
    boolean checkAtStart;

    @PostConstruct
    void createPool() {
        pool = new WorkerPool("ferry-upload", config.jobs().workers(), outage);
    }

    /**
     * Beside the start: the first extraction worker is started and reads a small document, so a worker that cannot
     * start is known (and named by readiness) before anyone uploads; the worker stays for the first upload.
     */
    void started(@Observes StartupEvent event) {
        if (checkAtStart) {
            Thread check = new Thread(this::check, "ferry-extraction-check");
            check.setDaemon(true);
            check.start();
        }
    }

    /** Checks a worker (a pooled one, else a new one, kept afterwards); answers whether documents can be read. */
    boolean check() {
        if (!checking.compareAndSet(false, true)) {
            return false; // one check at a time
        }
        DocumentExtractor extractor = extractors.poll();
        if (extractor == null) {
            extractor = new DocumentExtractor(config.extraction().settings());
        }
        try {
            return readiness.probe(extractor, pool::stopping, config.extraction().settings().startupTimeout());
        } finally {
            extractors.add(extractor);
            checking.set(false);
        }
    }

    /** Until a check has passed (or while documents cannot be read), every poll checks again. */
    @Scheduled(every = "${ferry.uploads.extraction.recheck-every:30s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recheck() {
        if (readiness.unproven() && !pool.stopping()) {
            check();
        }
    }

    void received(@Observes(during = TransactionPhase.AFTER_SUCCESS) UploadReceived upload) {
        wake();
    }

    @Scheduled(every = "${ferry.uploads.jobs.poll-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!outage.paused()) {
            wake();
        }
    }

    /** Starts a worker if one is free; a busy worker looks for the next job itself before it stops. */
    void wake() {
        pending.set(true);
        pool.start(this::drain);
    }

    private void drain(String owner) {
        DocumentExtractor extractor = extractors.poll();
        if (extractor == null) {
            extractor = new DocumentExtractor(config.extraction().settings());
        }
        try {
            while (!pool.stopping() && pending.getAndSet(false)) {
                while (!pool.stopping() && processor.runNext(extractor, owner, pool::stopping)) {
                    pending.set(false);
                }
                outage.reachable();
            }
        } finally {
            extractors.add(extractor);
        }
    }

    /** The application is stopping: start no job, and let the running ones end while the database is still there. */
    void stopping(@Observes ShutdownEvent event) {
        pool.stop();
    }

    @PreDestroy
    void stop() {
        pool.stop();
        for (DocumentExtractor extractor = extractors.poll(); extractor != null; extractor = extractors.poll()) {
            extractor.close();
        }
    }
}
