package health.ferry.uploads;

import ca.uhn.fhir.context.FhirContext;
import health.ferry.jobs.DatabaseOutage;
import health.ferry.uploads.archive.ArchiveMagic;
import health.ferry.uploads.archive.ArchiveUnpacker;
import health.ferry.uploads.archive.DirectorySink;
import health.ferry.uploads.archive.FileList;
import health.ferry.uploads.archive.SkippedEntry;
import health.ferry.uploads.archive.UnpackResult;
import health.ferry.uploads.archive.UnpackedEntry;
import health.ferry.uploads.classification.DocumentFacts;
import health.ferry.uploads.classification.DocumentKind;
import health.ferry.uploads.classification.PackageClassification;
import health.ferry.uploads.classification.PackageClassifier;
import health.ferry.uploads.detection.DocumentExtractor;
import health.ferry.uploads.detection.Extraction;
import health.ferry.uploads.detection.OrderedExtraction;
import health.ferry.uploads.labs.LabValues;
import health.ferry.uploads.storage.BlobDamaged;
import health.ferry.uploads.storage.UploadStorage;
import health.ferry.uploads.structured.DocumentRecords;
import health.ferry.uploads.structured.StructuredRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Processes one claimed upload with the engine: unpack the archive (or take the files as they are), extract each
 * document in the isolated worker, classify the package as a whole, recording as it goes. Documents are keyed by
 * entry index, so a run after a crash keeps what was recorded and extracts only the rest.
 */
@ApplicationScoped
class UploadProcessor {
    private static final Logger LOG = Logger.getLogger(UploadProcessor.class);

    @Inject
    JobSteps steps;
    @Inject
    UploadStorage storage;
    @Inject
    UploadsConfig config;
    @Inject
    UploadMetrics metrics;
    @Inject
    FhirContext fhir;

    /**
     * Claims and processes the next due job with this worker's extractor; false when no job was due. Once
     * {@code stopping} answers true (the application is shutting down) the attempt ends at the next document and
     * quietly: the job keeps its lease and is resumed after it expires, by this or another instance.
     */
    boolean runNext(DocumentExtractor extractor, String owner, BooleanSupplier stopping) {
        JobClaim claim = steps.claim(owner);
        if (claim == null) {
            return false;
        }
        long started = System.nanoTime();
        String outcome = "failed_attempt";
        String code = "none";
        try {
            outcome = process(claim, extractor, stopping);
        } catch (JobFailure e) {
            code = e.failure().code();
            LOG.warnf("upload %s attempt %d: %s", claim.uploadId(), claim.token(), code);
            steps.retryOrFail(claim, e.failure(), e.retryable());
        } catch (LeaseLost e) {
            outcome = "lease_lost";
            LOG.infof("upload %s attempt %d: lease taken over by another worker", claim.uploadId(), claim.token());
        } catch (RuntimeException e) {
            if (stopping.getAsBoolean()) {
                outcome = "stopped";
                LOG.infof("upload %s attempt %d: cut short by the shutdown, resumed after its lease", claim.uploadId(),
                        claim.token());
                return true;
            }
            if (DatabaseOutage.unavailable(e)) {
                throw e; // nothing can be recorded: the job keeps its lease; the worker pool reports the outage once
            }
            code = UploadFailure.PROCESSING_ERROR.code();
            LOG.errorf("upload %s attempt %d: %s", claim.uploadId(), claim.token(), e.getClass().getName());
            steps.retryOrFail(claim, UploadFailure.PROCESSING_ERROR, true);
        } finally {
            metrics.attempt(outcome, code, Duration.ofNanos(System.nanoTime() - started));
        }
        return true;
    }

    /** How the attempt ended: {@code ready_for_review}, {@code rejected}, {@code not_due} or {@code stopped}. */
    private String process(JobClaim claim, DocumentExtractor extractor, BooleanSupplier stopping) throws JobFailure {
        JobWork work = steps.start(claim);
        if (work == null) {
            return "not_due";
        }
        extractor.prestart(); // the worker JVM loads Tika while the archive unpacks
        EarlyExtraction early = null;
        try {
            List<DocumentEntry> entries;
            if (work.archive()) {
                early = new EarlyExtraction(entriesSink(work), extractor);
                entries = unpack(claim, work, early);
            } else {
                entries = files(claim, work);
            }
            if (entries == null) {
                LOG.infof("upload %s: rejected", claim.uploadId());
                return "rejected";
            }
            List<DocumentEntry> todo = entries.stream().filter(e -> !work.recorded().containsKey(e.index()))
                    .toList();
            EarlyExtraction started = early;
            RecordBatch batch = new RecordBatch(found -> steps.record(claim, found));
            OrderedExtraction.run(extractor.parallelism(), todo, entry -> extract(extractor, entry, started),
                    (entry, found) -> {
                        if (stopping.getAsBoolean()) {
                            throw new Stopped();
                        }
                        batch.add(entry, found);
                    });
            batch.flush();
        } catch (Stopped e) {
            LOG.infof("upload %s attempt %d: stopped by the shutdown, resumed after its lease", claim.uploadId(),
                    claim.token());
            return "stopped";
        } finally {
            if (early != null) {
                early.close();
            }
        }
        List<RecordedDocument> recorded = steps.recorded(claim);
        PackageClassification classified = classify(recorded);
        extractRecords(claim, recorded, classified);
        proposeLabValues(claim, recorded, classified);
        steps.finish(claim, recorded, classified);
        LOG.infof("upload %s: ready_for_review, %d documents", claim.uploadId(), recorded.size());
        return "ready_for_review";
    }

    /** The folder this upload's entries unpack into, cleared of an interrupted run's leftovers. */
    private DirectorySink entriesSink(JobWork work) throws JobFailure {
        try {
            storage.pruneEntries(work.uploadId(), Set.copyOf(work.recorded().values()));
            return storage.entries(work.uploadId());
        } catch (IOException e) {
            throw new JobFailure(UploadFailure.STORAGE_FAILED, true, e);
        }
    }

    /** The archive's entries, or null when it was rejected. */
    private List<DocumentEntry> unpack(JobClaim claim, JobWork work, EarlyExtraction sink) throws JobFailure {
        Path zip = verified(work.originals().get(0));
        try {
            UnpackResult result = ArchiveUnpacker.unpack(zip, config.archive().limits(), sink);
            List<UploadSkipped> left = new ArrayList<>();
            for (SkippedEntry s : result.skipped()) {
                left.add(new UploadSkipped(work.uploadId(), left.size(), s.name(), s.reason()));
            }
            if (result.rejected()) {
                steps.reject(claim, result.rejection(), left);
                return null;
            }
            List<DocumentEntry> entries = entries(work, result, sink);
            steps.unpacked(claim, entries.size(), left, result.unusualCompression());
            return entries;
        } catch (IOException e) {
            throw new JobFailure(UploadFailure.STORAGE_FAILED, true, e);
        }
    }

    /** The unpacked entries; one an earlier run already recorded keeps its stored copy and drops the new one. */
    private List<DocumentEntry> entries(JobWork work, UnpackResult result, EarlyExtraction sink) throws IOException {
        List<DocumentEntry> entries = new ArrayList<>();
        for (UnpackedEntry e : result.entries()) {
            String recorded = work.recorded().get(e.index());
            if (recorded != null) {
                sink.discard(e.storageKey());
            } else {
                storage.publishEntry(work.uploadId(), e.storageKey());
            }
            entries.add(new DocumentEntry(e.index(), e.name(), recorded != null ? recorded
                    : storage.entryPath(work.uploadId(), e.storageKey()), e.size(), e.sha256(), e.nestedArchive()));
        }
        return entries;
    }

    /** Several files: held to the archive's limits, each kept file one document; null when refused. */
    private List<DocumentEntry> files(JobClaim claim, JobWork work) throws JobFailure {
        FileList.Verdict verdict = FileList.check(work.originals().stream()
                .map(o -> new FileList.File(o.name(), o.size())).toList(), config.archive().limits());
        List<UploadSkipped> left = new ArrayList<>();
        for (int i = 0; i < verdict.skipped().size(); i++) {
            SkippedEntry s = verdict.skipped().get(i);
            left.add(new UploadSkipped(work.uploadId(), verdict.skippedAt().get(i), s.name(), s.reason()));
        }
        if (verdict.rejected()) {
            steps.reject(claim, verdict.rejection(), left);
            return null;
        }
        List<DocumentEntry> entries = new ArrayList<>();
        for (int position : verdict.kept()) {
            JobWork.Original file = work.originals().get(position);
            entries.add(new DocumentEntry(position, file.name(), file.blobPath(), file.size(), file.sha256(),
                    nested(verified(file))));
        }
        steps.unpacked(claim, entries.size(), left, false);
        return entries;
    }

    /** Stored bytes are used only while they still have the hash they arrived with. */
    private Path verified(JobWork.Original original) throws JobFailure {
        return verified(original.blobPath(), original.sha256());
    }

    /** The local copy of stored bytes, fetched if need be and checked against their SHA-256. */
    private Path verified(String blobPath, String sha256) throws JobFailure {
        try {
            return storage.open(blobPath, sha256);
        } catch (BlobDamaged e) {
            LOG.errorf("upload storage: %s", e.getMessage());
            throw new JobFailure(UploadFailure.CONTENT_CHANGED, false, e);
        } catch (IOException e) {
            throw new JobFailure(UploadFailure.STORAGE_FAILED, true, e);
        }
    }

    private static boolean nested(Path file) throws JobFailure {
        try {
            return ArchiveMagic.startsLikeArchive(file);
        } catch (IOException e) {
            throw new JobFailure(UploadFailure.STORAGE_FAILED, true, e);
        }
    }

    /**
     * The entry's extraction: the one started while unpacking when there is one (its bytes were hashed as this job
     * wrote them, moments ago), else from the stored bytes, checked against their hash first.
     */
    private Extraction extract(DocumentExtractor extractor, DocumentEntry entry, EarlyExtraction early)
            throws JobFailure {
        if (early != null) {
            String key = entry.blobPath().substring(entry.blobPath().lastIndexOf('/') + 1);
            Optional<Extraction> found = early.take(key);
            if (found.isPresent()) {
                return found.get();
            }
        }
        Path file = verified(entry.blobPath(), entry.sha256());
        try {
            return extractor.extract(file);
        } catch (NoSuchFileException e) {
            throw new JobFailure(UploadFailure.STORAGE_FAILED, true, e);
        } catch (IOException e) {
            throw new JobFailure(UploadFailure.EXTRACTION_UNAVAILABLE, true, e);
        }
    }

    /** Structured records (C-CDA entries, FHIR content) become pending records for the person, document by document. */
    private void extractRecords(JobClaim claim, List<RecordedDocument> recorded, PackageClassification classified)
            throws JobFailure {
        for (int i = 0; i < recorded.size(); i++) {
            RecordedDocument document = recorded.get(i);
            DocumentKind kind = classified.documents().get(i).kind();
            if (!StructuredRecords.holdsRecords(kind)) {
                continue;
            }
            Path file = verified(document.blobPath(), document.sha256());
            DocumentRecords found;
            try {
                found = StructuredRecords.read(fhir, file, kind, claim.uploadId() + "/" + document.id(),
                        "urn:uuid:" + document.id());
            } catch (IOException e) {
                throw new JobFailure(UploadFailure.STORAGE_FAILED, true, e);
            }
            steps.extracted(claim, document.id(), found);
        }
    }

    /**
     * Lab reports (by their PDF text or OCR text) get proposed lab results for a coordinator to confirm; a document
     * that already has them (a rerun) keeps them.
     */
    private void proposeLabValues(JobClaim claim, List<RecordedDocument> recorded, PackageClassification classified) {
        for (int i = 0; i < recorded.size(); i++) {
            DocumentKind kind = classified.documents().get(i).kind();
            if (kind == DocumentKind.PDF_LAB_REPORT || kind == DocumentKind.IMAGE_LAB_REPORT) {
                steps.labValues(claim, recorded.get(i).id(), LabValues.read(recorded.get(i).text()));
            }
        }
    }

    private PackageClassification classify(List<RecordedDocument> recorded) throws JobFailure {
        List<DocumentFacts> facts = new ArrayList<>();
        // An IHE XDM package's metadata declares its documents' hashes, which classification checks: all are read
        boolean xdm = recorded.stream().anyMatch(d -> d.name().toUpperCase(Locale.ROOT).endsWith("METADATA.XML"));
        for (RecordedDocument d : recorded) {
            // Bytes classification never opens are not hashed again: most of an upload's bytes are PDFs and images
            Path local = storage.resolve(d.blobPath());
            Path content = xdm || opensContent(d.mediaType()) || !Files.exists(local)
                    ? verified(d.blobPath(), d.sha256()) : local;
            facts.add(new DocumentFacts(d.name(), d.size(), d.mediaType(), d.outcome(), d.text(), d.pages(),
                    content, d.ocr()));
        }
        try {
            return PackageClassifier.classify(facts);
        } catch (IOException e) {
            throw new JobFailure(UploadFailure.STORAGE_FAILED, true, e);
        }
    }

    /**
     * Whether classification reads a document's bytes: it does for XML, JSON and text (the content decides the kind),
     * never for PDFs, images, DICOM, audio and video, which it judges by their detected type and extracted text.
     */
    static boolean opensContent(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        return !(type.startsWith("application/pdf") || type.startsWith("image/") || type.startsWith("application/dicom")
                || type.startsWith("video/") || type.startsWith("audio/"));
    }

    /** The application is stopping: the attempt ends before recording the next document. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopping", null, false, false);
        }
    }
}
