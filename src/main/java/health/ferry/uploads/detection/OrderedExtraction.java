package health.ferry.uploads.detection;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a job's extractions with as many documents in flight as its extractor parses at once, and hands each result
 * back on the calling thread in the documents' order, so whatever records them (a transaction, a lease check) stays
 * on the job's thread and in order. Only a few results are ever held: the ones in flight and one ready ahead.
 */
public final class OrderedExtraction {
    /** Extracts one item (on a pool thread). */
    @FunctionalInterface
    public interface Extract<T, X extends Exception> {
        Extraction apply(T item) throws X;
    }

    /** Takes one item's result (on the calling thread, in order). */
    @FunctionalInterface
    public interface Take<T, X extends Exception> {
        void accept(T item, Extraction extraction) throws X;
    }

    private OrderedExtraction() {
    }

    /**
     * Extracts every item with up to {@code parallelism} at once and gives the results to {@code take} in order.
     * The first exception (from an extraction or from {@code take}) stops it; what is still in flight is abandoned.
     */
    public static <T, X extends Exception> void run(int parallelism, List<T> items, Extract<T, X> extract,
            Take<T, X> take) throws X {
        if (parallelism <= 1 || items.size() <= 1) {
            for (T item : items) {
                take.accept(item, extract.apply(item));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, task -> {
            Thread thread = new Thread(task, "ferry-extract");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Deque<Future<Extraction>> ahead = new ArrayDeque<>();
            int submitted = 0;
            for (T item : items) {
                while (submitted < items.size() && ahead.size() <= parallelism) {
                    T next = items.get(submitted++);
                    ahead.add(pool.submit(() -> extract.apply(next)));
                }
                take.accept(item, result(ahead.removeFirst()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @SuppressWarnings("unchecked")
    private static <X extends Exception> Extraction result(Future<Extraction> future) throws X {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw (X) cause; // Extract.apply throws only X or unchecked exceptions
        }
    }
}
