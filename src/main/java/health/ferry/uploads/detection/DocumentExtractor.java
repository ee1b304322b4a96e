package health.ferry.uploads.detection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/**
 * Detects the type of a stored document and extracts its text in an isolated worker JVM, so a parser that hangs,
 * loops or runs out of memory costs one document, never the web process.
 *
 * <p>Why Ferry's own worker rather than Tika pipes: the parent owns the deadline and kills the process itself,
 * a crash or OOM is an unmistakable end of stream (not an empty success as with ForkParser), start-up failures
 * report the worker's own error output instead of failing silently, and there is no fetcher/emitter configuration
 * or emit-batch size to tune. The price is this small JSON-lines protocol.
 *
 * <p>One worker JVM per extractor, parsing up to {@code parallelism} documents at once: that many calls to
 * {@link #extract} may run concurrently (more wait). When a worker ends under several documents (one crashed, ran
 * out of memory or hung past its deadline and was killed), nobody can tell which one broke it, so each of the
 * others is parsed again alone: a bad document still costs only itself.
 */
public final class DocumentExtractor implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DocumentExtractor.class);

    private final ExtractionSettings settings;
    private final String workerMainClass;
    private final Semaphore slots;
    private WorkerProcess worker;
    private long nextId;
    private int served;
    private int inFlight;
    private boolean closed;

    public DocumentExtractor(ExtractionSettings settings) {
        this(settings, ParseWorker.class.getName());
    }

    /** For tests: a worker main class that wraps the real parser with misbehaviour. */
    DocumentExtractor(ExtractionSettings settings, String workerMainClass) {
        this.settings = settings;
        this.workerMainClass = workerMainClass;
        this.slots = new Semaphore(settings.parallelism(), true);
    }

    /** How many documents may be extracted at once. */
    public int parallelism() {
        return settings.parallelism();
    }

    /**
     * Detects and extracts one file (its name is never used).
     *
     * @throws IOException when the file is missing or no worker can be started (retryable, not the document's fault)
     */
    public Extraction extract(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (!Files.isRegularFile(absolute)) {
            throw new NoSuchFileException(absolute.toString());
        }
        int parallelism = settings.parallelism();
        acquire(1);
        Extraction result;
        try {
            result = once(absolute);
        } finally {
            slots.release();
        }
        if (parallelism > 1 && WorkerProcess.WORKER_EXITED.equals(result.failure())) {
            acquire(parallelism); // alone on a worker: if it breaks this one too, it is this document's doing
            try {
                result = once(absolute);
            } finally {
                slots.release(parallelism);
            }
        }
        return result;
    }

    private void acquire(int permits) throws IOException {
        try {
            slots.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the extraction worker", e);
        }
    }

    private Extraction once(Path absolute) throws IOException {
        long id;
        WorkerProcess current;
        synchronized (this) {
            id = ++nextId;
            current = send(id, absolute);
            inFlight++;
        }
        Extraction result;
        try {
            result = current.await(id, settings.timeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = Extraction.failed(ExtractionOutcome.PARSE_FAILED, null, "interrupted");
        }
        synchronized (this) {
            inFlight--;
            served++;
            if (current == worker && (!current.alive() || (served >= settings.maxDocumentsPerWorker()
                    && inFlight == 0))) {
                retire();
            }
        }
        LOG.debugf("extraction %d: %s %s", id, result.outcome().code(), result.mediaType());
        return result;
    }

    /**
     * Starts the worker JVM now, on a background thread, unless one is running: loading Tika takes seconds, which a
     * job can spend unpacking instead. The first {@link #extract} waits for the start; a start that fails is only
     * logged here, and the next extraction tries again (and reports it).
     */
    public void prestart() {
        Thread starter = new Thread(() -> {
            try {
                synchronized (this) {
                    if (!closed) {
                        worker();
                    }
                }
            } catch (IOException e) {
                LOG.debugf("extraction worker prestart failed: %s", e.getMessage());
            }
        }, "extraction-worker-prestart");
        starter.setDaemon(true);
        starter.start();
    }

    /** Process id of the running worker, or -1; for tests and diagnostics. */
    synchronized long workerPid() {
        return worker != null && worker.alive() ? worker.pid() : -1;
    }

    /** Temporary folder of the running worker, or null; for tests. */
    synchronized Path workerScratch() {
        return worker != null && worker.alive() ? worker.scratch() : null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        retire();
    }

    /** Sends to the current worker; a worker that died between documents is replaced once. */
    private WorkerProcess send(long id, Path file) throws IOException {
        try {
            WorkerProcess current = worker();
            current.send(id, file);
            return current;
        } catch (IOException e) {
            retire();
            WorkerProcess fresh = worker();
            fresh.send(id, file);
            return fresh;
        }
    }

    private WorkerProcess worker() throws IOException {
        if (worker == null || !worker.alive() || (served >= settings.maxDocumentsPerWorker() && inFlight == 0)) {
            retire();
            worker = WorkerProcess.start(settings, workerMainClass);
            served = 0;
        }
        return worker;
    }

    private void retire() {
        if (worker != null) {
            worker.close();
            worker = null;
        }
    }
}
