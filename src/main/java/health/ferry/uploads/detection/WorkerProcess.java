package health.ferry.uploads.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One running worker JVM: sends requests, waits for each answer against its own deadline, kills the process when
 * one passes. Several requests may be in flight; answers are sorted into a mailbox per request id, and the end of
 * the process reaches every mailbox.
 */
final class WorkerProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WorkerMessage EXITED = new WorkerMessage(null, "exited", null, null, null, null, null, null,
            null, null, null, null, null);
    private static final int STDERR_LINES = 20;
    /** The failure of a document whose worker ended under it (its own crash, or another document's). */
    static final String WORKER_EXITED = "worker_exited";

    private final Process process;
    private final Path scratch;
    private final Writer requests;
    private final BlockingQueue<WorkerMessage> starting = new LinkedBlockingQueue<>();
    private final Map<Long, BlockingQueue<WorkerMessage>> mailboxes = new ConcurrentHashMap<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private volatile boolean exited;

    private WorkerProcess(Process process, Path scratch) {
        this.process = process;
        this.scratch = scratch;
        this.requests = process.outputWriter(StandardCharsets.UTF_8);
        daemon("worker-stdout", () -> readAnswers(process.getInputStream()));
        daemon("worker-stderr", () -> keepTail(process.getErrorStream()));
    }

    /**
     * Starts a worker with its own temporary folder (removed when it ends, so a killed parser leaves no spool
     * files behind) and waits for its "ready" line.
     */
    static WorkerProcess start(ExtractionSettings settings, String mainClass) throws IOException {
        Path scratch = WorkerScratch.create();
        WorkerProcess worker;
        try {
            worker = new WorkerProcess(new ProcessBuilder(WorkerCommand.build(settings, mainClass, scratch)).start(),
                    scratch);
        } catch (IOException e) {
            WorkerScratch.delete(scratch);
            throw e;
        }
        return worker.awaitReady(settings.startupTimeout());
    }

    private WorkerProcess awaitReady(Duration startupTimeout) throws IOException {
        WorkerMessage first = next(starting, startupTimeout.toNanos());
        if (first == null || !WorkerMessage.READY.equals(first.event())) {
            kill();
            throw new IOException("extraction worker did not start; its last output: " + tail());
        }
        return this;
    }

    /** Sends one request; an exception means the worker is gone before it saw the document. */
    void send(long id, Path file) throws IOException {
        BlockingQueue<WorkerMessage> mailbox = new LinkedBlockingQueue<>();
        mailboxes.put(id, mailbox);
        if (exited) {
            mailbox.add(EXITED); // the worker's end may have been announced before this mailbox existed
        }
        if (!alive()) {
            mailboxes.remove(id);
            throw new IOException("worker gone");
        }
        try {
            synchronized (requests) {
                requests.write(JSON.writeValueAsString(WorkerMessage.request(id, file.toString())) + "\n");
                requests.flush();
            }
        } catch (IOException e) {
            mailboxes.remove(id);
            throw e;
        }
    }

    /** Waits for the answer to request {@code id}; a timeout kills the worker (and so fails the others in flight). */
    Extraction await(long id, Duration timeout) throws InterruptedException {
        BlockingQueue<WorkerMessage> mailbox = mailboxes.get(id);
        if (mailbox == null) {
            throw new IllegalStateException("request " + id + " was not sent");
        }
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            String mediaType = null;
            while (true) {
                long remaining = deadline - System.nanoTime();
                WorkerMessage message = remaining > 0 ? next(mailbox, remaining) : null;
                if (message == null) {
                    kill();
                    return Extraction.failed(ExtractionOutcome.TIMED_OUT, mediaType, "timeout");
                }
                if (message == EXITED) {
                    kill();
                    return Extraction.failed(ExtractionOutcome.PARSE_FAILED, mediaType, WORKER_EXITED);
                }
                if (WorkerMessage.DONE.equals(message.event())) {
                    return message.toExtraction();
                }
                mediaType = message.mediaType();
            }
        } finally {
            mailboxes.remove(id);
        }
    }

    /** False as soon as the worker's output ended, even before the operating system has reaped it. */
    boolean alive() {
        return !exited && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path scratch() {
        return scratch;
    }

    /** Closing stdin tells the worker to exit; it is killed if it does not. */
    @Override
    public void close() {
        try {
            requests.close();
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                WorkerScratch.delete(scratch);
            } else {
                kill();
            }
        } catch (IOException e) {
            kill();
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
    }

    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        WorkerScratch.delete(scratch);
    }

    private static WorkerMessage next(BlockingQueue<WorkerMessage> from, long nanos) {
        try {
            return from.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Protocol lines are JSON objects; anything else (JVM notices such as ExitOnOutOfMemoryError) is skipped. */
    private void readAnswers(InputStream stdout) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("{")) {
                    parse(line);
                }
            }
        } catch (IOException e) {
            // the stream closes when the worker dies
        }
        exited = true;
        starting.add(EXITED);
        mailboxes.values().forEach(m -> m.add(EXITED));
    }

    /** A protocol line goes to its request's mailbox ("ready", which has no id, to the start-up wait). */
    private void parse(String line) {
        WorkerMessage message;
        try {
            message = JSON.readValue(line, WorkerMessage.class);
        } catch (JsonProcessingException e) {
            return; // not a protocol line
        }
        if (message.id() == null) {
            starting.add(message);
            return;
        }
        BlockingQueue<WorkerMessage> mailbox = mailboxes.get(message.id());
        if (mailbox != null) {
            mailbox.add(message);
        }
    }

    /** Keeps the last lines of stderr for start-up diagnostics only; never logged (they may quote documents). */
    private void keepTail(InputStream stderr) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (stderrTail) {
                    stderrTail.addLast(line);
                    if (stderrTail.size() > STDERR_LINES) {
                        stderrTail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // worker gone
        }
    }

    private String tail() {
        synchronized (stderrTail) {
            return String.join(" | ", stderrTail);
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
