package health.ferry.uploads;

import health.ferry.uploads.detection.DocumentExtractor;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs upload jobs on a fixed number of worker threads (bounded concurrency; one by default on two cores), each with
 * its own extraction worker JVM. Woken right after an upload commits, and by a poller that also finds retries and
 * jobs left behind by a crashed instance once their lease has expired.
 */
@ApplicationScoped
class UploadWorkers {
    private static final Logger LOG = Logger.getLogger(UploadWorkers.class);

    /** Names this instance in job leases: process id and a random suffix, nothing else. */
    private final String instance = ProcessHandle.current().pid() + "-"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final ConcurrentLinkedQueue<DocumentExtractor> extractors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicInteger threads = new AtomicInteger();
    private volatile boolean stopping;
    private ExecutorService pool;

    @Inject
    UploadProcessor processor;
    @Inject
    UploadsConfig config;

    void received(@Observes(during = TransactionPhase.AFTER_SUCCESS) UploadReceived upload) {
        wake();
    }

    @Scheduled(every = "${ferry.uploads.jobs.poll-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Starts a worker if one is free; a busy worker looks for the next job itself before it stops. */
    void wake() {
        pending.set(true);
        int now;
        do {
            now = running.get();
            if (stopping || now >= config.jobs().workers()) {
                return;
            }
        } while (!running.compareAndSet(now, now + 1));
        pool().execute(this::drain);
    }

    private void drain() {
        DocumentExtractor extractor = extractors.poll();
        if (extractor == null) {
            extractor = new DocumentExtractor(config.extraction().settings());
        }
        String owner = instance + "/" + Thread.currentThread().getName();
        try {
            while (!stopping && pending.getAndSet(false)) {
                while (!stopping && processor.runNext(extractor, owner)) {
                    pending.set(false);
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf("upload worker stopped: %s", e.getClass().getName());
        } finally {
            extractors.add(extractor);
            running.decrementAndGet();
        }
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(config.jobs().workers(), task -> {
                Thread thread = new Thread(task, "ferry-upload-" + threads.incrementAndGet());
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
        // A job cut short here keeps its lease until it expires; then any instance resumes it.
        for (DocumentExtractor extractor = extractors.poll(); extractor != null; extractor = extractors.poll()) {
            extractor.close();
        }
    }
}
