package health.ferry.uploads.detection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Each worker's own temporary folder ({@code java.io.tmpdir} of the worker JVM), named after the app's pid and
 * removed when the worker ends, so parsers killed mid-document leave no spool files; folders left by an app that was
 * itself killed are swept the next time a worker starts.
 */
final class WorkerScratch {
    private static final String PREFIX = "ferry-worker-";
    private static final AtomicBoolean SWEPT = new AtomicBoolean();

    private WorkerScratch() {
    }

    static Path create() throws IOException {
        sweepOrphans();
        return Files.createTempDirectory(PREFIX + ProcessHandle.current().pid() + "-");
    }

    /** Best effort: the folder lives under the system temporary directory. */
    static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // already gone, or unreadable: nothing more to do
        }
    }

    private static void sweepOrphans() {
        if (!SWEPT.getAndSet(true)) {
            sweepOrphansNow();
        }
    }

    static void sweepOrphansNow() {
        try (Stream<Path> folders = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            folders.filter(f -> f.getFileName().toString().startsWith(PREFIX)).filter(WorkerScratch::orphaned)
                    .forEach(WorkerScratch::delete);
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }

    /** The app that owned it is gone (a reused pid keeps the folder: deleting too little is the safe error). */
    private static boolean orphaned(Path folder) {
        String owner = folder.getFileName().toString().substring(PREFIX.length()).split("-", 2)[0];
        try {
            return ProcessHandle.of(Long.parseLong(owner)).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
