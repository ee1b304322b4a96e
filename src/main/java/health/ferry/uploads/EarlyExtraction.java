package health.ferry.uploads;

import health.ferry.uploads.archive.DirectorySink;
import health.ferry.uploads.archive.EntrySink;
import health.ferry.uploads.detection.DocumentExtractor;
import health.ferry.uploads.detection.Extraction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sink an archive unpacks into, which also starts extracting each entry the moment it is completely written
 * (the unpacker has checked its size and CRC by then), so the worker parses while the rest of the archive is still
 * inflating. Nothing is recorded early: the job takes these results only after the whole archive was accepted, in
 * entry order, exactly as if it had extracted them then; a rejected archive throws them away. Only a bounded number
 * of results (and of their text) is held ahead; entries beyond that are extracted the ordinary way afterwards.
 */
final class EarlyExtraction implements EntrySink, AutoCloseable {
    static final int MOST_AHEAD = 64;
    static final long MOST_TEXT_AHEAD = 8_000_000;

    private final DirectorySink sink;
    private final DocumentExtractor extractor;
    private final ExecutorService pool;
    private final Semaphore ahead = new Semaphore(MOST_AHEAD);
    private final AtomicLong textAhead = new AtomicLong();
    private final Map<String, Future<Extraction>> started = new ConcurrentHashMap<>();

    EarlyExtraction(DirectorySink sink, DocumentExtractor extractor) {
        this.sink = sink;
        this.extractor = extractor;
        this.pool = Executors.newFixedThreadPool(extractor.parallelism(), task -> {
            Thread thread = new Thread(task, "ferry-extract-early");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void store(String key, InputStream content) throws IOException {
        sink.store(key, content);
        if (textAhead.get() < MOST_TEXT_AHEAD && ahead.tryAcquire()) {
            Path file = sink.pathOf(key);
            started.put(key, pool.submit(() -> {
                Extraction found = extractor.extract(file);
                textAhead.addAndGet(found.text().length());
                return found;
            }));
        }
    }

    @Override
    public void discard(String key) throws IOException {
        forget(started.remove(key));
        sink.discard(key);
    }

    /** The file of the entry stored under {@code key}. */
    Path pathOf(String key) {
        return sink.pathOf(key);
    }

    /**
     * The early result for the entry stored under {@code key}, waiting for it if it is still being parsed; empty when
     * it was not started early (or its extraction could not run: the ordinary way will report why).
     */
    Optional<Extraction> take(String key) {
        Future<Extraction> future = started.remove(key);
        if (future == null) {
            return Optional.empty();
        }
        try {
            Extraction found = future.get();
            textAhead.addAndGet(-found.text().length());
            return Optional.of(found);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        } finally {
            ahead.release();
        }
    }

    private void forget(Future<Extraction> future) {
        if (future == null) {
            return;
        }
        if (!future.cancel(false) && !future.isCancelled()) {
            try {
                textAhead.addAndGet(-future.get().text().length()); // done already: its text is no longer held
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // nothing was held
            }
        }
        ahead.release();
    }

    /** Stops early work that nobody took (a rejected archive, a failed job). */
    @Override
    public void close() {
        started.values().forEach(f -> f.cancel(true));
        started.clear();
        pool.shutdownNow();
    }
}
