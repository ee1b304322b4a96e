package health.ferry.uploads;

import health.ferry.BenchResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The 100 MB ingest (benchmark 1) as a background process, for benchmarks of other packages (6). */
public final class BenchIngest {
    static final Path WORK = BenchResults.DIR.resolve("ingest");

    private BenchIngest() {
    }

    /** The generated ~100 MB records ZIP (made on first use). */
    static IngestCorpus.Export small() throws IOException {
        return IngestCorpus.generate(WORK.resolve("data-100m"), IngestBenchmark.SMALL);
    }

    /** A generated records ZIP and the folder of the same files unpacked (for tika-app), for other packages. */
    public record Data(Path folder, Path zip, int documents, long unpackedBytes) {
    }

    /** The generated records ZIP of about {@code zipBytes} under {@code target/benchmarks/ingest/<name>} (made once). */
    public static Data generated(String name, long zipBytes) throws IOException {
        IngestCorpus.Export export = IngestCorpus.generate(WORK.resolve(name), zipBytes);
        return new Data(export.folder(), export.zip(), export.documents(), export.bytes());
    }

    /** The command of one ingest of {@code zip} into a fresh {@code storage} folder, in a JVM with production flags. */
    static List<String> command(Path zip, Path storage, Long maxTotalBytes) throws IOException {
        IngestCorpus.deleteTree(storage);
        Files.createDirectories(storage);
        List<String> command = jvm();
        command.addAll(List.of(zip.toAbsolutePath().toString(), storage.toAbsolutePath().toString()));
        if (maxTotalBytes != null) {
            command.add(maxTotalBytes.toString());
        }
        return command;
    }

    /** The command of {@link IngestRun}'s serve mode: the running app's ingest, one request per stdin line. */
    static List<String> serveCommand() {
        List<String> command = jvm();
        command.add("--serve");
        return command;
    }

    /** {@link IngestRun} in a JVM with production flags and the bench knobs; its arguments follow. */
    private static List<String> jvm() {
        List<String> command = new ArrayList<>(List.of(IngestBenchmark.java()));
        command.addAll(IngestBenchmark.PRODUCTION_JVM);
        for (String knob : List.of("bench.parallelism", "bench.niceness", "bench.noPrestart")) {
            if (System.getProperty(knob) != null) {
                command.add("-D" + knob + "=" + System.getProperty(knob));
            }
        }
        command.addAll(List.of("-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", System.getProperty("java.class.path"), IngestRun.class.getName()));
        return command;
    }

    /** Starts the 100 MB ingest in the background; stop it with {@link #stop}. */
    public static Process start() throws IOException {
        List<String> command = command(small().zip(), WORK.resolve("storage-background"), null);
        Path logs = BenchResults.DIR.resolve("logs");
        Files.createDirectories(logs);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve("background-ingest.out").toFile()).start();
    }

    /** Ends the background ingest and its worker (only this process tree, by id). */
    public static void stop(Process ingest) {
        ingest.descendants().forEach(ProcessHandle::destroyForcibly);
        ingest.destroyForcibly();
        try {
            ingest.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
