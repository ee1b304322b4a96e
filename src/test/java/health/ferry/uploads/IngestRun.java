package health.ferry.uploads;

import health.ferry.BenchResults;
import health.ferry.uploads.archive.ArchiveLimits;
import health.ferry.uploads.archive.ArchiveUnpacker;
import health.ferry.uploads.archive.UnpackResult;
import health.ferry.uploads.classification.Classification;
import health.ferry.uploads.classification.DocumentFacts;
import health.ferry.uploads.classification.PackageClassifier;
import health.ferry.uploads.detection.DocumentExtractor;
import health.ferry.uploads.detection.Extraction;
import health.ferry.uploads.detection.ExtractionSettings;
import health.ferry.uploads.detection.OrderedExtraction;
import health.ferry.uploads.storage.StoredBlob;
import health.ferry.uploads.storage.UploadStorage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ingests of uploads through the engine exactly as {@link UploadProcessor} chains it — store the original
 * content-addressed, verify its hash, unpack into storage under generated keys, detect and extract every entry in
 * the isolated worker JVM, classify the package — in a JVM of its own so its wall time, CPU time and peak RSS (this
 * JVM plus every worker it started, sampled from /proc) can be measured. The job's database rows are left out (see
 * docs/benchmarks.md).
 *
 * <p>Two modes. <b>Cold</b> (arguments: the ZIP, an empty storage folder, optionally the total uncompressed bytes
 * allowed): one ingest in a fresh JVM with a fresh worker, JVM starts included; prints one {@code RESULT} line.
 * <b>Serve</b> (argument {@code --serve}): the running app's case — one extractor kept across ingests as
 * {@code UploadWorkers} keeps it — reading one request per line from stdin ({@code <zip> <storage> [maxTotal]})
 * and answering each with a {@code RESULT} line, until stdin ends.
 */
public final class IngestRun {
    private IngestRun() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Map<Long, Long> workerPeaks = new ConcurrentHashMap<>();
        Map<Long, Long> workerCpu = new ConcurrentHashMap<>();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sample(workerPeaks, workerCpu);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        try (DocumentExtractor extractor = new DocumentExtractor(ExtractionSettings.defaults()
                .withParallelism(Integer.getInteger("bench.parallelism", ExtractionSettings.DEFAULT_PARALLELISM))
                .withNiceness(Integer.getInteger("bench.niceness", ExtractionSettings.DEFAULT_NICENESS)))) {
            if (!"--serve".equals(args[0])) {
                Long maxTotal = args.length < 3 ? null : Long.parseLong(args[2]);
                System.out.println(ingest(extractor, Path.of(args[0]), Path.of(args[1]), maxTotal, t0, workerPeaks,
                        workerCpu));
                return;
            }
            BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = requests.readLine(); line != null; line = requests.readLine()) {
                String[] request = line.trim().split(" ");
                workerPeaks.clear();
                System.out.println(ingest(extractor, Path.of(request[0]), Path.of(request[1]),
                        request.length < 3 ? null : Long.parseLong(request[2]), System.nanoTime(), workerPeaks,
                        workerCpu));
                System.out.flush();
            }
        } finally {
            sampler.interrupt();
        }
    }

    /** Peak RSS and CPU ticks of every worker this JVM started. */
    private static void sample(Map<Long, Long> peaks, Map<Long, Long> cpu) {
        ProcessHandle.current().descendants().forEach(p -> {
            peaks.merge(p.pid(), BenchResults.peakRss(p.pid()), Math::max);
            cpu.merge(p.pid(), BenchResults.cpuTicks(p.pid()), Math::max);
        });
    }

    /** One ingest; its RESULT line. CPU counts this JVM and the workers from the ingest's start to its end. */
    private static String ingest(DocumentExtractor extractor, Path zip, Path storageDir, Long maxTotal, long t0,
            Map<Long, Long> workerPeaks, Map<Long, Long> workerCpu) throws Exception {
        var self = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        sample(workerPeaks, workerCpu);
        long selfCpu0 = self.getProcessCpuTime();
        Map<Long, Long> workerCpu0 = Map.copyOf(workerCpu);

        extractor.prestart(); // as UploadProcessor does when it starts a job (no-op when the worker runs)
        UploadStorage storage = new UploadStorage(storageDir);
        StoredBlob blob;
        try (InputStream in = Files.newInputStream(zip)) {
            blob = storage.storeOriginal(in, Long.MAX_VALUE);
        }
        if (!storage.sha256Of(blob.path()).equals(blob.sha256())) {
            throw new IllegalStateException("stored bytes changed");
        }
        long stored = System.nanoTime();
        UUID uploadId = UUID.randomUUID();
        // as UploadProcessor: entries are extracted early, while the rest of the archive unpacks
        EarlyExtraction sink = new EarlyExtraction(storage.entries(uploadId), extractor);
        ArchiveLimits d = ArchiveLimits.defaults();
        ArchiveLimits limits = maxTotal == null ? d : new ArchiveLimits(d.maxEntries(), d.maxEntryBytes(),
                maxTotal, d.ratioCheckAfterBytes(), d.maxCompressionRatio(), d.maxNameBytes(),
                d.maxSegmentBytes(), d.maxSegments());
        UnpackResult unpacked = ArchiveUnpacker.unpack(storage.resolve(blob.path()), limits, sink);
        if (unpacked.rejected()) {
            throw new IllegalStateException("rejected: " + unpacked.rejection());
        }
        long unpackedAt = System.nanoTime();
        long[] firstDone = {0};
        Map<String, Integer> outcomes = new TreeMap<>();
        List<DocumentFacts> facts = new ArrayList<>();
        try (sink) {
            // as UploadProcessor: the extractor's parallelism in flight, results taken in order
            OrderedExtraction.run(extractor.parallelism(), unpacked.entries(),
                    entry -> {
                        Optional<Extraction> early = sink.take(entry.storageKey());
                        return early.isPresent() ? early.get()
                                : extractor.extract(storage.resolve(storage.entryPath(uploadId, entry.storageKey())));
                    },
                    (entry, found) -> {
                        firstDone[0] = firstDone[0] == 0 ? System.nanoTime() : firstDone[0];
                        outcomes.merge(found.outcome().code(), 1, Integer::sum);
                        Path file = storage.resolve(storage.entryPath(uploadId, entry.storageKey()));
                        // as JobSteps.recorded: only a PDF's text goes back to the classifier
                        facts.add(new DocumentFacts(entry.name(), entry.size(), found.mediaType(), found.outcome(),
                                found.mediaType().startsWith("application/pdf") ? found.text() : "", found.pages(),
                                file));
                    });
        }
        long extracted = System.nanoTime();
        List<Classification> kinds = PackageClassifier.classify(facts).documents();
        long classified = System.nanoTime();
        Map<String, Integer> byKind = new TreeMap<>();
        kinds.forEach(c -> byKind.merge(c.kind().toString(), 1, Integer::sum));
        sample(workerPeaks, workerCpu);
        long workerPeak = workerPeaks.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long workerTicks = workerCpu.entrySet().stream()
                .mapToLong(e -> e.getValue() - workerCpu0.getOrDefault(e.getKey(), 0L)).sum();
        double cpuSeconds = (self.getProcessCpuTime() - selfCpu0) / 1e9 + workerTicks / (double) BenchResults.TICKS;
        return String.format(java.util.Locale.ROOT, "RESULT wallMs=%d storeMs=%d unpackMs=%d firstDocumentMs=%d "
                + "extractMs=%d classifyMs=%d cpuS=%.2f documents=%d selfPeakRss=%d workerPeakRss=%d workers=%d "
                + "outcomes=%s kinds=%s",
                (System.nanoTime() - t0) / 1_000_000, (stored - t0) / 1_000_000, (unpackedAt - stored) / 1_000_000,
                (firstDone[0] - unpackedAt) / 1_000_000, (extracted - firstDone[0]) / 1_000_000,
                (classified - extracted) / 1_000_000, cpuSeconds, facts.size(),
                BenchResults.peakRss(ProcessHandle.current().pid()), workerPeak, workerPeaks.size(), outcomes, byKind);
    }
}
