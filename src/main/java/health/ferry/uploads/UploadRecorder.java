package health.ferry.uploads;

import health.ferry.outcome.Outcome;
import health.ferry.outcome.OutcomeException;
import health.ferry.uploads.archive.FileList;
import health.ferry.uploads.storage.StoredBlob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Records a stored upload in one transaction, under a lock on its package so the quota, duplicate and retry checks
 * hold against concurrent requests: the upload, its originals, and its job (or at once its rejection).
 */
@ApplicationScoped
class UploadRecorder {
    /**
     * What the intake stored.
     *
     * @param content what arrived, as a whole
     * @param names   each file's name, in request order
     * @param blobs   each file's stored bytes, in request order
     * @param verdict for several files, the engine's verdict on their names, sizes and count; null for a .zip
     */
    record Stored(Upload.Content content, List<String> names, List<StoredBlob> blobs, FileList.Verdict verdict) {
    }

    @Inject
    PackageRepository packages;
    @Inject
    UploadRepository uploads;
    @Inject
    OriginalRepository originals;
    @Inject
    UploadJobRepository jobs;
    @Inject
    Prerequisites prerequisites;
    @Inject
    UploadGates gates;
    @Inject
    Event<UploadReceived> received;
    @Inject
    Clock clock;

    /**
     * The upload an earlier request with this key created, if any. The key names one request: reused for another
     * person or study it is a conflict, and with other bytes ({@code contentKey}, asked only when there is an earlier
     * upload) it is {@code idempotency_key_reused}, never a silent answer with the first upload.
     */
    Optional<UUID> replay(Admission admission, String key, Supplier<String> contentKey) {
        return uploads.findByIdempotencyKey(admission.accountId(), key).map(earlier -> {
            if (!earlier.studyId.equals(admission.studyId()) || !earlier.personId.equals(admission.personId())) {
                throw new OutcomeException(Outcome.CONFLICT,
                        "This Idempotency-Key was already used for another person or study.");
            }
            if (!earlier.contentSha256.equals(contentKey.get())) {
                throw new OutcomeException(Outcome.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was already used "
                        + "for other files (upload " + earlier.id + "). Send those same files to retry, or use a new "
                        + "key for new files.").with("uploadId", earlier.id.toString());
            }
            return earlier.id;
        });
    }

    /** Records the upload; the returned id is the new upload, or the one an earlier request with the key made. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    UUID record(Admission admission, Stored stored) {
        SupportingDocumentsPackage pkg = packageFor(admission.studyId(), admission.personId(), admission.enrolmentId());
        String key = stored.content().idempotencyKey();
        Optional<UUID> earlier = key == null ? Optional.empty()
                : replay(admission, key, () -> stored.content().contentSha256());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        gates.notAlreadyUploaded(admission, stored.content().contentSha256());
        gates.withinQuota(admission.personId());
        Instant now = clock.instant();
        Upload upload = pkg.attach(stored.content(), admission.accountId(), prerequisites.confirm(admission).id, now);
        uploads.persist(upload);
        keepOriginals(upload, stored);
        if (stored.verdict() != null && stored.verdict().rejected()) {
            upload.reject(stored.verdict().rejection(), now);
        } else {
            jobs.enqueue(upload.id);
        }
        // Unique keys (package, idempotency key, content) are checked here, inside the caller's retry.
        uploads.flush();
        received.fire(new UploadReceived(upload.id, upload.personId, upload.studyId, admission.accountId()));
        return upload.id;
    }

    /**
     * Where portal documents go: the study, the person and their active enrolment in it, the account that holds the
     * person (the upload's owner), and the connection a sync fetched them from.
     */
    record PortalOrigin(String studyId, UUID personId, UUID enrolmentId, UUID accountId, UUID connectionId) {
    }

    /**
     * Records documents a sync fetched from a portal as an upload of the study's package (no prerequisite question:
     * the participant did not send them), queued for processing like any upload; empty when the study already holds
     * exactly these bytes.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<UUID> recordFromPortal(PortalOrigin origin, Stored stored) {
        SupportingDocumentsPackage pkg = packageFor(origin.studyId(), origin.personId(), origin.enrolmentId());
        if (uploads.findSameContent(origin.studyId(), origin.personId(), stored.content().contentSha256())
                .isPresent()) {
            return Optional.empty();
        }
        Upload upload = pkg.attach(stored.content(), origin.accountId(), null, clock.instant())
                .fromPortal(origin.connectionId());
        uploads.persist(upload);
        keepOriginals(upload, stored);
        if (stored.verdict() != null && stored.verdict().rejected()) {
            upload.reject(stored.verdict().rejection(), clock.instant());
        } else {
            jobs.enqueue(upload.id);
        }
        uploads.flush();
        received.fire(new UploadReceived(upload.id, upload.personId, upload.studyId, origin.accountId()));
        return Optional.of(upload.id);
    }

    private void keepOriginals(Upload upload, Stored stored) {
        for (int position = 0; position < stored.blobs().size(); position++) {
            StoredBlob blob = stored.blobs().get(position);
            originals.persist(new UploadOriginal(upload.id, position, stored.names().get(position), blob.sha256(),
                    blob.size()));
        }
    }

    private SupportingDocumentsPackage packageFor(String studyId, UUID personId, UUID enrolmentId) {
        return packages.lockFor(studyId, personId).orElseGet(() -> {
            SupportingDocumentsPackage created = new SupportingDocumentsPackage(studyId, personId, enrolmentId,
                    clock.instant());
            packages.persist(created);
            packages.flush();
            return created;
        });
    }
}
