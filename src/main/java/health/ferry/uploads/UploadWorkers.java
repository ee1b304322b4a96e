package health.ferry.uploads;

import health.ferry.jobs.DatabaseOutage;
import health.ferry.jobs.WorkerPool;
import health.ferry.uploads.detection.DocumentExtractor;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

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
    private WorkerPool pool;

    @Inject
    UploadProcessor processor;
    @Inject
    UploadsConfig config;
    @Inject
    DatabaseOutage outage;

    @PostConstruct
    void createPool() {
        pool = new WorkerPool("ferry-upload", config.jobs().workers(), outage);
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
