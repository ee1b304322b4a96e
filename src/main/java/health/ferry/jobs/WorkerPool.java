package health.ferry.jobs;

import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * A fixed number of daemon worker threads for one queue (bounded concurrency per instance). A worker runs a drain
 * loop that claims jobs under leases, named in them as {@code <instance>/<thread>}: process id and a random suffix,
 * ids only. Once {@link #stop()} has begun, drains should end at their next check of {@link #stopping()}; what they
 * throw after that is the shutdown reaching them and is not an error. A job cut short keeps its lease until it
 * expires; then any instance claims it again. A drain ended by the database being unreachable is no error either:
 * {@link DatabaseOutage} logs the outage once.
 */
public final class WorkerPool {
    private static final Logger LOG = Logger.getLogger(WorkerPool.class);

    private final String instance = ProcessHandle.current().pid() + "-"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final String name;
    private final int size;
    private final DatabaseOutage outage;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger threads = new AtomicInteger();
    private volatile boolean stopping;
    private ExecutorService pool;

    /**
     * A pool of {@code size} threads named {@code <name>-<n>}; a drain that ends on the database being unreachable
     * is reported to {@code outage} (one WARN for the whole outage), not as an error.
     */
    public WorkerPool(String name, int size, DatabaseOutage outage) {
        this.name = name;
        this.size = size;
        this.outage = outage;
    }

    /**
     * Runs {@code drain} on a free worker, given the worker's lease owner name; false when every worker is busy or
     * the pool is stopping.
     */
    public boolean start(Consumer<String> drain) {
        int now;
        do {
            now = running.get();
            if (stopping || now >= size) {
                return false;
            }
        } while (!running.compareAndSet(now, now + 1));
        try {
            executor().execute(() -> run(drain));
            return true;
        } catch (RejectedExecutionException e) {
            running.decrementAndGet(); // stopped meanwhile
            return false;
        }
    }

    /** Whether the application is stopping: a drain loop checks it before each claim and then ends. */
    public boolean stopping() {
        return stopping;
    }

    private void run(Consumer<String> drain) {
        String owner = instance + "/" + Thread.currentThread().getName();
        try {
            drain.accept(owner);
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.debugf("%s worker ended by the shutdown: %s", name, e.getClass().getName());
            } else if (!outage.failed(name, e)) {
                LOG.errorf("%s worker stopped: %s", name, e.getClass().getName());
            }
        } finally {
            running.decrementAndGet();
        }
    }

    private synchronized ExecutorService executor() {
        if (stopping) {
            throw new RejectedExecutionException(name + " is stopping");
        }
        if (pool == null) {
            pool = Executors.newFixedThreadPool(size, task -> {
                Thread thread = new Thread(task, name + "-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return pool;
    }

    /** Starts no more drains and waits (up to {@code wait}) for the running ones to end. */
    public void stop(long wait, TimeUnit unit) {
        stopping = true;
        ExecutorService started;
        synchronized (this) {
            started = pool;
        }
        if (started == null) {
            return;
        }
        started.shutdown();
        try {
            started.awaitTermination(wait, unit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@link #stop(long, TimeUnit)} with the usual ten seconds. */
    public void stop() {
        stop(10, TimeUnit.SECONDS);
    }
}
