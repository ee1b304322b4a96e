package health.ferry.uploads;

import health.ferry.jobs.Backoff;
import health.ferry.records.RecordSource;
import health.ferry.records.RecordStore;
import health.ferry.uploads.archive.Rejection;
import health.ferry.uploads.classification.Classification;
import health.ferry.uploads.classification.PackageClassification;
import health.ferry.uploads.classification.XdmProblem;
import health.ferry.uploads.detection.ExtractionOutcome;
import health.ferry.uploads.detection.OcrStatus;
import health.ferry.uploads.labs.LabProposal;
import health.ferry.uploads.structured.DocumentRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The job's writes, each its own short transaction that first re-locks the job and checks the claim still holds
 * (else {@link LeaseLost}) and renews the lease: a worker that stalled past its lease can never write again. The job's
 * own times (lease, due time) are the database's; the upload's are Ferry's clock as everywhere else.
 */
@ApplicationScoped
class JobSteps {
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);

    @Inject
    UploadJobRepository jobs;
    @Inject
    UploadRepository uploads;
    @Inject
    OriginalRepository originals;
    @Inject
    DocumentRepository documents;
    @Inject
    DocumentTextRepository texts;
    @Inject
    SkippedRepository skipped;
    @Inject
    WarningRepository warnings;
    @Inject
    RecordStore records;
    @Inject
    LabResults labs;
    @Inject
    UploadsConfig config;
    @Inject
    Clock clock;

    /** Claims the next due job for {@code owner} (due and leased by the database's clock), or null when none is. */
    @Transactional(TxType.REQUIRES_NEW)
    JobClaim claim(String owner) {
        return jobs.claimNext(owner, config.jobs().lease()).map(job -> new JobClaim(job.uploadId, owner, job.attempts))
                .orElse(null);
    }

    /** What to work on, or null when the upload is already finished (the job is then closed). */
    @Transactional(TxType.REQUIRES_NEW)
    JobWork start(JobClaim claim) {
        UploadJob job = held(claim);
        Upload upload = uploads.findById(claim.uploadId());
        if (upload.status.finished()) {
            job.finish(jobs.now());
            return null;
        }
        upload.processing();
        List<JobWork.Original> sent = originals.findByUpload(upload.id).stream().map(o -> new JobWork.Original(
                o.position, o.name, o.blobPath(), o.sha256, o.sizeBytes)).toList();
        Map<Integer, String> recorded = documents.findByUpload(upload.id).stream()
                .collect(Collectors.toMap(d -> d.entryIndex, d -> d.blobPath));
        return new JobWork(upload.id, upload.isArchive(), sent, recorded);
    }

    /** The entries are known: how many documents there are and what was skipped (replacing an earlier run's list). */
    @Transactional(TxType.REQUIRES_NEW)
    void unpacked(JobClaim claim, int total, List<UploadSkipped> left, boolean unusualCompression) {
        held(claim);
        replaceSkipped(claim, left);
        Upload upload = uploads.findById(claim.uploadId());
        upload.unpacked(total, (int) documents.countByUpload(upload.id), unusualCompression);
    }

    /** The archive is refused for what is inside it: the upload ends rejected, the job is done. */
    @Transactional(TxType.REQUIRES_NEW)
    void reject(JobClaim claim, Rejection rejection, List<UploadSkipped> left) {
        UploadJob job = held(claim);
        replaceSkipped(claim, left);
        uploads.findById(claim.uploadId()).reject(rejection, clock.instant());
        job.finish(jobs.now());
    }

    /** Records a batch of extracted documents and their texts in one transaction, and moves the progress on. */
    @Transactional(TxType.REQUIRES_NEW)
    void record(JobClaim claim, List<RecordBatch.Found> found) {
        held(claim);
        Upload upload = uploads.findById(claim.uploadId());
        Instant now = clock.instant();
        for (RecordBatch.Found f : found) {
            UploadDocument document = new UploadDocument(upload, f.entry(), f.extraction(), now);
            documents.persist(document);
            texts.persist(new UploadDocumentText(document.id, f.extraction().text()));
        }
        upload.progressed((int) documents.countByUpload(upload.id));
    }

    /** Every recorded document, in entry order, for classification of the package as a whole. */
    @Transactional(TxType.REQUIRES_NEW)
    List<RecordedDocument> recorded(JobClaim claim) {
        held(claim);
        return documents.findByUpload(claim.uploadId()).stream().map(d -> new RecordedDocument(d.id, d.name,
                d.sizeBytes, d.mediaType, ExtractionOutcome.valueOf(d.extraction.toUpperCase(Locale.ROOT)),
                readsText(d) ? texts.textOf(d.id) : "", d.pages, d.blobPath,
                d.sha256, OcrStatus.fromCode(d.ocr))).toList();
    }

    /** PDFs, and images whose text OCR read: the classification rules read their text. */
    private static boolean readsText(UploadDocument d) {
        return d.mediaType.startsWith("application/pdf") || (d.mediaType.startsWith("image/")
                && !"not_needed".equals(d.ocr));
    }

    /**
     * Imports one document's structured records for the upload's person as pending records from this upload (the
     * person's record settings decide which categories are taken) and notes on the document how many were taken.
     * Resource ids are stable per document, so a rerun updates nothing and duplicates nothing.
     */
    @Transactional(TxType.REQUIRES_NEW)
    void extracted(JobClaim claim, UUID documentId, DocumentRecords found) {
        held(claim);
        Upload upload = uploads.findById(claim.uploadId());
        RecordSource source = RecordSource.upload(upload.id);
        List<Optional<RecordStore.Upsert>> done = records.importAllIfAllowed(upload.personId, source, documentId,
                found.resources());
        int kept = (int) done.stream().filter(Optional::isPresent).count();
        // A fact the person's records already hold (from a portal or an earlier upload) is not one more to review.
        int merged = (int) done.stream().filter(d -> d.isPresent() && d.get() == RecordStore.Upsert.MERGED).count();
        int taken = kept - merged;
        List<String> notes = new ArrayList<>(found.notes());
        if (merged > 0) {
            notes.add(merged + (merged == 1 ? " record was" : " records were") + " already among the person's"
                    + " records and now also name this upload as a source.");
        }
        int left = found.resources().size() - kept;
        if (left > 0) {
            notes.add(left + (left == 1 ? " record was" : " records were") + " left out by the person's record"
                    + " settings.");
        }
        documents.findById(documentId).extracted(taken, notes.isEmpty() ? null : String.join(" ", notes));
    }

    /** Stores the lab results proposed from one lab report (once: a rerun keeps what the first run stored). */
    @Transactional(TxType.REQUIRES_NEW)
    void labValues(JobClaim claim, UUID documentId, List<LabProposal> found) {
        held(claim);
        labs.propose(claim.uploadId(), documentId, found, clock.instant());
    }

    /**
     * Stores each document's classification and the XDM warnings (replacing an earlier run's); the upload is ready for
     * review and the job done.
     */
    @Transactional(TxType.REQUIRES_NEW)
    void finish(JobClaim claim, List<RecordedDocument> recorded, PackageClassification classified) {
        UploadJob job = held(claim);
        List<Classification> classifications = classified.documents();
        // one query for the upload's documents rather than one per document
        Map<UUID, UploadDocument> byId = documents.findByUpload(claim.uploadId()).stream()
                .collect(Collectors.toMap(d -> d.id, d -> d));
        for (int i = 0; i < recorded.size(); i++) {
            byId.get(recorded.get(i).id()).classify(classifications.get(i));
        }
        warnings.deleteByUpload(claim.uploadId());
        warnings.flush();
        List<XdmProblem> problems = classified.xdm().warnings();
        for (int i = 0; i < problems.size(); i++) {
            warnings.persist(new UploadWarning(claim.uploadId(), i, problems.get(i)));
        }
        uploads.findById(claim.uploadId()).ready(clock.instant());
        job.finish(jobs.now());
    }

    /** Gives the job back for a later attempt, or, when none is left or it cannot help, ends the upload failed. */
    @Transactional(TxType.REQUIRES_NEW)
    void retryOrFail(JobClaim claim, UploadFailure failure, boolean retryable) {
        UploadJob job = jobs.lockHeld(claim).orElse(null);
        if (job == null) {
            return;
        }
        Instant now = jobs.now();
        if (retryable && job.attempts < config.jobs().maxAttempts()) {
            Backoff backoff = new Backoff(config.jobs().retryBackoff(), MAX_BACKOFF);
            job.retryAt(now.plus(backoff.before(job.attempts)), failure.code(), now);
            return;
        }
        uploads.findById(claim.uploadId()).fail(failure, clock.instant());
        job.done(failure.code(), now);
    }

    private UploadJob held(JobClaim claim) {
        UploadJob job = jobs.lockHeld(claim).orElseThrow(LeaseLost::new);
        job.renew(jobs.now(), config.jobs().lease());
        return job;
    }

    private void replaceSkipped(JobClaim claim, List<UploadSkipped> left) {
        skipped.deleteByUpload(claim.uploadId());
        skipped.flush();
        left.forEach(skipped::persist);
    }
}
