package health.ferry.uploads;

import health.ferry.BenchResults;
import health.ferry.uploads.archive.ArchiveLimits;
import health.ferry.uploads.archive.ArchiveUnpacker;
import health.ferry.uploads.archive.UnpackResult;
import health.ferry.uploads.archive.UnpackedEntry;
import health.ferry.uploads.classification.Classification;
import health.ferry.uploads.classification.DocumentFacts;
import health.ferry.uploads.classification.PackageClassifier;
import health.ferry.uploads.detection.DocumentExtractor;
import health.ferry.uploads.detection.Extraction;
import health.ferry.uploads.detection.ExtractionSettings;
import health.ferry.uploads.detection.OrderedExtraction;
import health.ferry.uploads.storage.StoredBlob;
import health.ferry.uploads.storage.UploadStorage;
import java.io.InputStream;
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
 * One ingest of one upload through the engine exactly as {@link UploadProcessor} chains it — store the original
 * content-addressed, verify its hash, unpack into storage under generated keys, detect and extract every entry in
 * the isolated worker JVM, classify the package — in a JVM of its own so its wall time and peak RSS (this JVM plus
 * every worker it started, sampled from /proc) can be measured. The job's database rows are left out (see
 * docs/benchmarks.md). Prints one {@code RESULT} line. Arguments: the ZIP, an empty storage folder, and optionally
 * the total uncompressed bytes allowed (default: the default archive limits).
 */
public final class IngestRun {
    private IngestRun() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Path zip = Path.of(args[0]);
        Map<Long, Long> workerPeaks = new ConcurrentHashMap<>();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                ProcessHandle.current().descendants().forEach(p -> workerPeaks.merge(p.pid(),
                        BenchResults.peakRss(p.pid()), Math::max));
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();

        DocumentExtractor extractor = new DocumentExtractor(ExtractionSettings.defaults()
                .withParallelism(Integer.getInteger("bench.parallelism", ExtractionSettings.DEFAULT_PARALLELISM))
                .withNiceness(Integer.getInteger("bench.niceness", ExtractionSettings.DEFAULT_NICENESS)));
        if (!Boolean.getBoolean("bench.noPrestart")) {
            extractor.prestart(); // as UploadProcessor does when it starts a job
        }
        UploadStorage storage = new UploadStorage(Path.of(args[1]));
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
        ArchiveLimits limits = args.length < 3 ? d : new ArchiveLimits(d.maxEntries(), d.maxEntryBytes(),
                Long.parseLong(args[2]), d.ratioCheckAfterBytes(), d.maxCompressionRatio(), d.maxNameBytes(),
                d.maxSegmentBytes(), d.maxSegments());
        UnpackResult unpacked = ArchiveUnpacker.unpack(storage.resolve(blob.path()), limits, sink);
        if (unpacked.rejected()) {
            throw new IllegalStateException("rejected: " + unpacked.rejection());
        }
        long unpackedAt = System.nanoTime();
        long[] firstDone = {0};
        Map<String, Integer> outcomes = new TreeMap<>();
        List<DocumentFacts> facts = new ArrayList<>();
        try (extractor; sink) {
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
            long extracted = System.nanoTime();
            List<Classification> kinds = PackageClassifier.classify(facts).documents();
            long classified = System.nanoTime();
            Map<String, Integer> byKind = new TreeMap<>();
            kinds.forEach(c -> byKind.merge(c.kind().toString(), 1, Integer::sum));
            sampler.interrupt();
            ProcessHandle.current().descendants().forEach(p -> workerPeaks.merge(p.pid(),
                    BenchResults.peakRss(p.pid()), Math::max));
            long workerPeak = workerPeaks.values().stream().mapToLong(Long::longValue).max().orElse(0);
            System.out.printf("RESULT wallMs=%d storeMs=%d unpackMs=%d firstDocumentMs=%d extractMs=%d "
                    + "classifyMs=%d documents=%d selfPeakRss=%d workerPeakRss=%d workers=%d outcomes=%s kinds=%s%n",
                    (System.nanoTime() - t0) / 1_000_000, (stored - t0) / 1_000_000, (unpackedAt - stored) / 1_000_000,
                    (firstDone[0] - unpackedAt) / 1_000_000, (extracted - firstDone[0]) / 1_000_000,
                    (classified - extracted) / 1_000_000, facts.size(),
                    BenchResults.peakRss(ProcessHandle.current().pid()), workerPeak, workerPeaks.size(), outcomes,
                    byKind);
        }
    }
}
