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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        Optional<UUID> earlier = key == null ? Optional.empty()
                : recorder.replay(admission, key, () -> submittedContentKey(submission));
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
        return keep(admission, submission, shape, key);
    }

    /** Stores the files, refuses bytes already uploaded, and records the upload. */
    private UUID keep(Admission admission, Submission submission, String shape, String key) {
        FileList.Verdict verdict = Upload.FILES.equals(shape) ? FileList.check(files(submission),
                config.archive().limits()) : null;
        List<StoredBlob> blobs = store(submission, admission.maxBytes());
        String contentSha256 = contentKey(shape, blobs);
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

    private static List<FileList.File> files(Submission submission) {
        return submission.files().stream().map(f -> new FileList.File(f.name(), f.size())).toList();
    }

    private List<StoredBlob> store(Submission submission, long maxBytes) {
        List<StoredBlob> blobs = new ArrayList<>();
        long remaining = maxBytes;
        for (Submission.File file : submission.files()) {
            try (InputStream in = Files.newInputStream(file.path())) {
                StoredBlob blob = storage.storeOriginal(in, remaining);
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

    /** The archive's own hash, or for several files a hash of their sorted hashes: the same bytes, the same key. */
    static String contentKey(String shape, List<StoredBlob> blobs) {
        return contentKey(blobs.stream().map(StoredBlob::sha256).toList());
    }

    /**
     * The content key of what a request carries, hashed where it lies, without storing it: compared with the upload
     * an earlier request with the same Idempotency-Key made. No files is no content (null): never the same.
     */
    static String submittedContentKey(Submission submission) {
        if (submission.files().isEmpty()) {
            return null;
        }
        List<String> hashes = new ArrayList<>();
        for (Submission.File file : submission.files()) {
            try (InputStream in = Files.newInputStream(file.path())) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
                hashes.add(HexFormat.of().formatHex(digest.digest()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }
        return contentKey(hashes);
    }

    /** One file (or a .zip): its own hash; several files: the hash of their sorted hashes, in any order. */
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
