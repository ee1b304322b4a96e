package health.ferry.uploads.detection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
 * <p>One worker, one document at a time: calls are serialised. Use one extractor per concurrent job.
 */
public final class DocumentExtractor implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DocumentExtractor.class);

    private final ExtractionSettings settings;
    private final String workerMainClass;
    private WorkerProcess worker;
    private long nextId;
    private int served;
    private boolean closed;

    public DocumentExtractor(ExtractionSettings settings) {
        this(settings, ParseWorker.class.getName());
    }

    /** For tests: a worker main class that wraps the real parser with misbehaviour. */
    DocumentExtractor(ExtractionSettings settings, String workerMainClass) {
        this.settings = settings;
        this.workerMainClass = workerMainClass;
    }

    /**
     * Detects and extracts one file (its name is never used).
     *
     * @throws IOException when the file is missing or no worker can be started (retryable, not the document's fault)
     */
    public synchronized Extraction extract(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (!Files.isRegularFile(absolute)) {
            throw new NoSuchFileException(absolute.toString());
        }
        long id = ++nextId;
        WorkerProcess current = send(id, absolute);
        Extraction result;
        try {
            result = current.await(id, settings.timeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = Extraction.failed(ExtractionOutcome.PARSE_FAILED, null, "interrupted");
        }
        if (!current.alive() || ++served >= settings.maxDocumentsPerWorker()) {
            retire();
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
        if (worker == null || !worker.alive()) {
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
