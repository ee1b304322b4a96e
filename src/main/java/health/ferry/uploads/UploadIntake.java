package health.ferry.uploads;

import health.ferry.outcome.OutcomeException;
import health.ferry.uploads.archive.FileList;
import health.ferry.uploads.storage.BlobTooLarge;
import health.ferry.uploads.storage.StoredBlob;
import health.ferry.uploads.storage.UploadStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Takes in Supporting Documents: runs the gates that need no processing, keeps the files in upload storage, and
 * records the upload with its job. What is inside an archive is judged later, by the job.
 */
@ApplicationScoped
class UploadIntake {
    private static final Logger LOG = Logger.getLogger(UploadIntake.class);
    /** Printable ASCII without spaces, as clients generate keys (UUIDs, random strings). */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    @Inject
    UploadGates gates;
    @Inject
    UploadRecorder recorder;
    @Inject
    UploadStorage storage;
    @Inject
    UploadMetrics metrics;
    @Inject
    UploadsConfig config;
    @Inject
    ExtractionReadiness readiness;

    /** Receives one upload and answers its id: a new upload, or the one an earlier request with the key made. */
    public UUID receive(Submission submission) {
        Admission admission = gates.admit(submission.studyId(), submission.personId(),
                submission.prerequisiteConfirmed());
        String key = idempotencyKey(submission.idempotencyKey());
        Originals originals = new Originals(submission, admission.maxBytes());
        Optional<UUID> earlier = key == null ? Optional.empty()
                : recorder.replay(admission, key, originals::contentKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        readiness.requireReady();
        if (submission.files().isEmpty()) {
            throw OutcomeException.invalid("file", "Choose a .zip file, a folder or some files to upload.");
        }
        gates.withinLimit(admission, submission.totalBytes());
        String shape = OuterType.of(submission);
        gates.withinQuota(admission.personId());
        return keep(admission, submission, shape, key, originals.blobs());
    }

    /** Refuses bytes already uploaded, and records the upload of the files kept in storage. */
    private UUID keep(Admission admission, Submission submission, String shape, String key, List<StoredBlob> blobs) {
        FileList.Verdict verdict = Upload.FILES.equals(shape) ? FileList.check(files(submission),
                config.archive().limits()) : null;
        String contentSha256 = contentKey(blobs.stream().map(StoredBlob::sha256).toList());
        gates.notAlreadyUploaded(admission, contentSha256);
        long size = blobs.stream().mapToLong(StoredBlob::size).sum();
        UploadRecorder.Stored stored = new UploadRecorder.Stored(new Upload.Content(shape, contentSha256, size, key),
                submission.files().stream().map(Submission.File::name).toList(), blobs, verdict);
        UUID id;
        try {
            id = recorder.record(admission, stored);
        } catch (PersistenceException e) {
            // Lost a race with a request for the same package, key or bytes: a second pass sees what it wrote.
            id = recorder.record(admission, stored);
        }
        for (StoredBlob blob : blobs) {
            try {
                storage.ensurePublished(blob);
            } catch (IOException e) {
                // The upload is recorded; its job reads the original through the store and retries until it can.
                LOG.warnf("upload storage: could not confirm a stored original (%s)", e.getClass().getName());
            }
        }
        metrics.received();
        return id;
    }

    /**
     * A request's files, taken into storage once when first needed: by the replay of an Idempotency-Key (its content
     * key) or by recording the upload. The HTTP layer's spooled file is renamed into storage and hashed in the same
     * one read pass, so the hash that finds a duplicate or a replay is the one the store files the bytes under.
     */
    private final class Originals {
        private final Submission submission;
        private final long maxBytes;
        private List<StoredBlob> blobs;

        Originals(Submission submission, long maxBytes) {
            this.submission = submission;
            this.maxBytes = maxBytes;
        }

        /** The content key of what the request carries; null for no files (never the same as an earlier one). */
        String contentKey() {
            return submission.files().isEmpty() ? null
                    : UploadIntake.contentKey(blobs().stream().map(StoredBlob::sha256).toList());
        }

        List<StoredBlob> blobs() {
            if (blobs == null) {
                blobs = store(submission, maxBytes);
            }
            return blobs;
        }
    }

    private static List<FileList.File> files(Submission submission) {
        return submission.files().stream().map(f -> new FileList.File(f.name(), f.size())).toList();
    }

    private List<StoredBlob> store(Submission submission, long maxBytes) {
        List<StoredBlob> blobs = new ArrayList<>();
        long remaining = maxBytes;
        for (Submission.File file : submission.files()) {
            try {
                StoredBlob blob = storage.adoptOriginal(file.path(), remaining);
                remaining -= blob.size();
                blobs.add(blob);
            } catch (BlobTooLarge e) {
                throw UploadGates.tooLarge(maxBytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return blobs;
    }

    /** One file (or a .zip): its own hash; several files: the hash of their sorted hashes, in any order. */
    /** The content key of stored blobs: one file's SHA-256, or a hash over the sorted hashes of several. */
    static String blobsKey(List<StoredBlob> blobs) {
        return contentKey(blobs.stream().map(StoredBlob::sha256).toList());
    }

    private static String contentKey(List<String> hashes) {
        if (hashes.size() == 1) {
            return hashes.get(0);
        }
        String sorted = String.join("\n", hashes.stream().sorted().toList());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sorted.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String idempotencyKey(String header) {
        if (header == null || header.isEmpty()) {
            return null;
        }
        if (!KEY.matcher(header).matches()) {
            throw OutcomeException.invalid("Idempotency-Key", "Use 1 to 200 visible ASCII characters.");
        }
        return header;
    }
}
