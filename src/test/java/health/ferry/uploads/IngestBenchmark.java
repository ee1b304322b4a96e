package health.ferry.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.BenchResults;
import health.ferry.uploads.detection.ExtractionSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Benchmarks 1 and 2 (docs/benchmarks.md): Ferry's ingest of a generated ~100 MB records ZIP against tika-app's
 * batch text extraction of the same files, alternated in pairs; then peak RSS ingesting a ~1 GiB ZIP against the
 * 100 MB one. Run by {@code ./mvnw -Pbench verify}; never by the normal test run (name).
 */
class IngestBenchmark {
    static final int PAIRS = Integer.getInteger("bench.pairs", 5);
    static final long SMALL = 100L * 1024 * 1024;
    static final long LARGE = 1024L * 1024 * 1024;
    /** A 1 GiB ZIP holds more than the default 1 GiB uncompressed total: the large run allows 4 GiB. */
    static final long LARGE_TOTAL = 4L * 1024 * 1024 * 1024;
    /** The app's production JVM flags (docker/Dockerfile) in a 1 GiB container. */
    static final List<String> PRODUCTION_JVM = List.of("-XX:MaxRAM=1g", "-XX:MaxRAMPercentage=75",
            "-XX:+ExitOnOutOfMemoryError");
    private static final Path WORK = BenchIngest.WORK;

    @Test
    void ingestAgainstTikaApp() throws Exception {
        Path tikaApp = BenchResults.DIR.resolve("tika-app.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(tikaApp), "tika-app.jar is copied by the bench profile");
        IngestCorpus.Export small = BenchIngest.small();
        System.out.printf(Locale.ROOT, "[bench] ingest: %d documents, %s, zip %s%n", small.documents(),
                BenchResults.mib(small.bytes()), BenchResults.mib(Files.size(small.zip())));
        // cold: a fresh JVM and a fresh worker, both starts counted (also the page cache's warm-up)
        List<Map<String, String>> coldRuns = new ArrayList<>();
        coldRuns.add(ferry(small.zip(), null));
        double coldTika = tikaApp(tikaApp, small.folder());
        List<Map<String, String>> warmRuns = new ArrayList<>();
        BenchResults.Pairs pairs;
        try (IngestServer server = new IngestServer()) {
            server.ingest(small.zip(), null); // the first upload after start: the worker JVM starts
            pairs = BenchResults.pairs(PAIRS, () -> {
                long t0 = System.nanoTime();
                Map<String, String> run = server.ingest(small.zip(), null);
                double wall = (System.nanoTime() - t0) / 1e6;
                warmRuns.add(run);
                System.out.printf(Locale.ROOT, "[bench] ferry phases: store %s, unpack %s, first document %s, "
                        + "extract %s, classify %s ms; %s CPU-s%n", run.get("storeMs"), run.get("unpackMs"),
                        run.get("firstDocumentMs"), run.get("extractMs"), run.get("classifyMs"), run.get("cpuS"));
                return wall;
            }, () -> tikaApp(tikaApp, small.folder()));
        }
        coldRuns.add(ferry(small.zip(), null));
        Map<String, String> last = warmRuns.get(warmRuns.size() - 1);
        double ferryCpu = BenchResults.median(warmRuns.stream().mapToDouble(r -> Double.parseDouble(r.get("cpuS")))
                .toArray());
        double coldCpu = cpu("ferry-ingest");
        double tikaCpu = cpu("tika-app");
        double ratio = pairs.medianRatio();
        double coldWall = BenchResults.median(coldRuns.stream().mapToDouble(r -> Double.parseDouble(r.get("wallMs")))
                .toArray());
        double[] smallPeaks = coldRuns.stream().mapToDouble(IngestBenchmark::peak).toArray();

        IngestCorpus.Export large = IngestCorpus.generate(WORK.resolve("data-1g"), LARGE);
        System.out.printf(Locale.ROOT, "[bench] large ingest: %d documents, %s, zip %s%n", large.documents(),
                BenchResults.mib(large.bytes()), BenchResults.mib(Files.size(large.zip())));
        Map<String, String> big = ferry(large.zip(), LARGE_TOTAL);
        double smallPeak = BenchResults.median(smallPeaks);
        double bigPeak = peak(big);
        double memRatio = bigPeak / smallPeak;

        BenchResults.record("1-ingest-engine", List.of(String.format(Locale.ROOT,
                "| 1 | Supporting Documents ingest engine alone (IngestRun: no HTTP, no database), %d documents, %s ZIP (store, unpack, "
                        + "detect+extract in the worker, classify) | %s s | tika-app %s `-t -i -o`: %s s | %.2f× "
                        + "(pairs: %s) | ≤ 0.70× | %s |",
                small.documents(), BenchResults.mib(Files.size(small.zip())),
                BenchResults.fmt(BenchResults.median(pairs.ferry()) / 1000), System.getProperty(
                        "bench.tika-app.version", "?"), BenchResults.fmt(BenchResults.median(pairs.baseline()) / 1000),
                ratio, pairs.ratiosText(), ratio <= 0.70 ? "yes" : "**no**")),
                List.of("outcomes " + last.get("outcomes") + ", kinds " + last.get("kinds") + ".",
                        String.format(Locale.ROOT, "Ferry runs as the app runs it: one process whose extraction "
                                + "worker JVM is kept between uploads (UploadWorkers); one unmeasured upload first "
                                + "(the worker's start). Cold — a fresh JVM and a fresh worker for the one upload, "
                                + "both starts counted: %s s, median of 2 (tika-app's first run, unpaired, with a "
                                + "cold page cache: %s s).",
                                BenchResults.fmt(coldWall / 1000), BenchResults.fmt(coldTika / 1000)),
                        String.format(Locale.ROOT, "CPU seconds (user+system), median per run: Ferry %.1f s (the "
                                + "app and its worker over the upload, /proc), cold %.1f s, tika-app %.1f s (the "
                                + "process and its forked child, /usr/bin/time): Ferry %.2f× tika-app's CPU.",
                                ferryCpu, coldCpu, tikaCpu, ferryCpu / tikaCpu),
                        "tika-app " + System.getProperty("bench.tika-app.version", "?") + " is the newest tika-app on "
                                + "Maven Central (3.3.1, the project's Tika, is not published there)."));
        BenchResults.record("2-ingest-memory-engine", List.of(String.format(Locale.ROOT,
                "| 2 | Peak RSS of the engine alone (ingest JVM + largest worker), %d documents, %s ZIP | %s | 100 MB upload: %s | %.2f× "
                        + "| ≤ 1.20× and < 512 MiB | %s |", large.documents(),
                BenchResults.mib(Files.size(large.zip())), BenchResults.mib((long) bigPeak),
                BenchResults.mib((long) smallPeak), memRatio, memRatio <= 1.2 && bigPeak < 512 * 1048576.0 ? "yes"
                        : "**no**")),
                List.of(String.format(Locale.ROOT, "Cold runs (a fresh JVM each). 1 GiB run: ingest JVM %s, worker "
                        + "%s (%s workers), %s s; 100 MB runs: ingest JVM %s, worker %s. Ingest JVM flags: %s; "
                        + "worker flags: -Xmx512m -XX:+UseSerialGC (WorkerCommand). The 1 GiB ZIP unpacks to %s, "
                        + "over the default 1 GiB total, so that run allows 4 GiB.",
                        BenchResults.mib(Long.parseLong(big.get("selfPeakRss"))),
                        BenchResults.mib(Long.parseLong(big.get("workerPeakRss"))), big.get("workers"),
                        BenchResults.fmt(Double.parseDouble(big.get("wallMs")) / 1000),
                        BenchResults.mib(Long.parseLong(coldRuns.get(1).get("selfPeakRss"))),
                        BenchResults.mib(Long.parseLong(coldRuns.get(1).get("workerPeakRss"))),
                        String.join(" ", PRODUCTION_JVM), BenchResults.mib(large.bytes()))));
        assertEquals(small.documents(), Integer.parseInt(last.get("documents")));
    }

    /** {@link IngestRun}'s serve mode in a JVM with the production flags: the running app's ingest. */
    static final class IngestServer implements AutoCloseable {
        private final Process process;
        private final java.io.Writer requests;
        private final java.io.BufferedReader results;
        private int n;

        IngestServer() throws IOException {
            Path logs = BenchResults.DIR.resolve("logs");
            Files.createDirectories(logs);
            process = new ProcessBuilder(BenchIngest.serveCommand())
                    .redirectError(logs.resolve("ferry-ingest-server.err").toFile()).start();
            requests = process.outputWriter(java.nio.charset.StandardCharsets.UTF_8);
            results = process.inputReader(java.nio.charset.StandardCharsets.UTF_8);
        }

        /** One upload into a fresh storage folder; its RESULT fields. */
        Map<String, String> ingest(Path zip, Long maxTotalBytes) {
            try {
                Path storage = WORK.resolve("storage-serve-" + (n++ % 2));
                IngestCorpus.deleteTree(storage);
                Files.createDirectories(storage);
                requests.write(zip.toAbsolutePath() + " " + storage.toAbsolutePath()
                        + (maxTotalBytes == null ? "" : " " + maxTotalBytes) + "\n");
                requests.flush();
                for (String line = results.readLine(); line != null; line = results.readLine()) {
                    if (line.startsWith("RESULT ")) {
                        return fields(line);
                    }
                }
                throw new IllegalStateException("the ingest server ended; see target/benchmarks/logs");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            requests.close();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    BenchIngest.stop(process);
                }
            } catch (InterruptedException e) {
                BenchIngest.stop(process);
                Thread.currentThread().interrupt();
            }
        }
    }

    private static double peak(Map<String, String> run) {
        return Long.parseLong(run.get("selfPeakRss")) + Long.parseLong(run.get("workerPeakRss"));
    }

    /** One ingest in a child JVM with the production flags; its RESULT fields. */
    static Map<String, String> ferry(Path zip, Long maxTotalBytes) {
        try {
            String out = run(BenchIngest.command(zip, WORK.resolve("storage"), maxTotalBytes), "ferry-ingest");
            return fields(out.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no RESULT from the ingest run:\n" + out)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields of a RESULT line. */
    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new TreeMap<>();
        for (String part : line.substring(7).split(" (?=[a-z][a-zA-Z]*=)")) {
            int eq = part.indexOf('=');
            fields.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return fields;
    }

    /** tika-app's batch mode over the files: plain text of every file into a fresh folder; wall ms. */
    static double tikaApp(Path jar, Path folder) {
        Path out = WORK.resolve("tika-app-out");
        try {
            IngestCorpus.deleteTree(out);
            long t0 = System.nanoTime();
            List<String> command = new ArrayList<>(niced());
            command.addAll(List.of(java(), "-jar", jar.toString(), "-t", "-i", folder.toAbsolutePath().toString(),
                    "-o", out.toAbsolutePath().toString()));
            run(command, "tika-app");
            return (System.nanoTime() - t0) / 1e6;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * tika-app at the priority Ferry's parsing gets (its worker runs under {@code nice}, default 10): on a machine
     * shared with other work, a baseline at a higher priority would measure the neighbours, not the parsers.
     */
    static List<String> niced() {
        int niceness = Integer.getInteger("bench.niceness", ExtractionSettings.DEFAULT_NICENESS);
        Path nice = Path.of("/usr/bin/nice");
        return niceness > 0 && Files.isExecutable(nice) ? List.of(nice.toString(), "-n", Integer.toString(niceness))
                : List.of();
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs a command to its end (30 min at most), its output in target/benchmarks/logs; returns stdout. */
    static String run(List<String> command, String name) throws IOException {
        Path logs = BenchResults.DIR.resolve("logs");
        Files.createDirectories(logs);
        Path stdout = logs.resolve(name + ".out");
        Path stderr = logs.resolve(name + ".err");
        List<String> timed = new ArrayList<>();
        if (Files.isExecutable(TIME)) {
            // CPU seconds of the process and every child it waited for (the worker, tika-app's forked child)
            timed.addAll(List.of(TIME.toString(), "-f", "CPU-SECONDS %U %S"));
        }
        timed.addAll(command);
        Process process = new ProcessBuilder(timed).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        try {
            if (!process.waitFor(30, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not finish in 30 minutes");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String out = Files.readString(stdout);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " exited " + process.exitValue() + ": " + Files.readString(stderr));
        }
        Files.readString(stderr).lines().filter(l -> l.startsWith("CPU-SECONDS ")).reduce((a, b) -> b)
                .ifPresent(l -> CPU.computeIfAbsent(name, k -> new ArrayList<>()).add(
                        java.util.Arrays.stream(l.substring(12).trim().split(" ")).mapToDouble(Double::parseDouble)
                                .sum()));
        return out;
    }

    private static final Path TIME = Path.of("/usr/bin/time");
    /** User+system CPU seconds per run, by command name (when /usr/bin/time is there). */
    static final Map<String, List<Double>> CPU = new java.util.concurrent.ConcurrentHashMap<>();

    /** Median CPU seconds of the runs named so far, or NaN. */
    static double cpu(String name) {
        List<Double> runs = CPU.getOrDefault(name, List.of());
        return runs.isEmpty() ? Double.NaN : BenchResults.median(runs.stream().mapToDouble(Double::doubleValue)
                .toArray());
    }
}
