package health.ferry.uploads;

import health.ferry.uploads.archive.Rejection;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What a participant sent at once (a .zip or several files) and how far its processing has come. */
@Entity
@Table(name = "upload")
class Upload {
    static final String ARCHIVE = "archive";
    static final String FILES = "files";

    /**
     * What arrived.
     *
     * @param shape          {@link #ARCHIVE} or {@link #FILES}
     * @param contentSha256  the archive's SHA-256, or for several files the SHA-256 of their sorted SHA-256s
     * @param size           bytes received
     * @param idempotencyKey the client's key for retries, or null
     */
    record Content(String shape, String contentSha256, long size, String idempotencyKey) {
    }

    @Id
    UUID id;
    @Column(name = "package_id", nullable = false)
    UUID packageId;
    @Column(name = "study_id", nullable = false)
    String studyId;
    @Column(name = "person_id", nullable = false)
    UUID personId;
    @Column(name = "uploaded_by", nullable = false)
    UUID uploadedBy;
    /** The prerequisite question the participant confirmed; none for documents that came from a portal. */
    @Column(name = "confirmation_id")
    UUID confirmationId;
    /** The patient portal connection a sync fetched these documents from (DocumentReference attachments), or null. */
    @Column(name = "source_connection_id")
    UUID sourceConnectionId;
    @Column(nullable = false)
    String shape;
    @Convert(converter = UploadStatusConverter.class)
    @Column(nullable = false)
    UploadStatus status;
    @Column(name = "content_sha256", nullable = false)
    String contentSha256;
    /** The content hash while this upload counts as "already uploaded"; cleared when it fails. */
    @Column(name = "duplicate_key")
    String duplicateKey;
    @Column(name = "size_bytes", nullable = false)
    long sizeBytes;
    @Column(name = "idempotency_key")
    String idempotencyKey;
    @Column(name = "progress_done", nullable = false)
    int progressDone;
    @Column(name = "progress_total", nullable = false)
    int progressTotal;
    @Column(name = "rejection_code")
    String rejectionCode;
    @Column(name = "rejection_message")
    String rejectionMessage;
    @Column(name = "failure_code")
    String failureCode;
    @Column(name = "unusual_compression", nullable = false)
    boolean unusualCompression;
    @Column(name = "received_at", nullable = false)
    Instant receivedAt;
    @Column(name = "finished_at")
    Instant finishedAt;

    protected Upload() {
    }

    Upload(SupportingDocumentsPackage pkg, Content content, UUID by, UUID confirmationId, Instant now) {
        this.id = UUID.randomUUID();
        this.packageId = pkg.id;
        this.studyId = pkg.studyId;
        this.personId = pkg.personId;
        this.uploadedBy = by;
        this.confirmationId = confirmationId;
        this.shape = content.shape();
        this.status = UploadStatus.RECEIVED;
        this.contentSha256 = content.contentSha256();
        this.duplicateKey = content.contentSha256();
        this.sizeBytes = content.size();
        this.idempotencyKey = content.idempotencyKey();
        this.receivedAt = now;
    }

    /** Documents a sync fetched from this connection, not sent by the participant. */
    Upload fromPortal(UUID connectionId) {
        this.sourceConnectionId = connectionId;
        return this;
    }

    boolean isArchive() {
        return ARCHIVE.equals(shape);
    }

    /** A job picked it up. */
    void processing() {
        if (status == UploadStatus.RECEIVED) {
            status = UploadStatus.PROCESSING;
        }
    }

    /** Its entries are known: {@code total} documents to extract, {@code done} already recorded. */
    void unpacked(int total, int done, boolean unusual) {
        this.progressTotal = total;
        this.progressDone = done;
        this.unusualCompression = unusual;
    }

    void progressed(int done) {
        this.progressDone = done;
    }

    /** Refused as a whole for what is inside it; it still counts as uploaded (the same bytes fail the same way). */
    void reject(Rejection rejection, Instant now) {
        this.status = UploadStatus.REJECTED;
        this.rejectionCode = rejection.code().code();
        this.rejectionMessage = rejection.message().length() > 1000 ? rejection.message().substring(0, 999) + "…"
                : rejection.message();
        this.finishedAt = now;
    }

    /** Every document is recorded and classified: a coordinator may look at it now. */
    void ready(Instant now) {
        this.status = UploadStatus.READY_FOR_REVIEW;
        this.progressDone = progressTotal;
        this.finishedAt = now;
    }

    /** Whether coordinators review it: processing finished and nothing refused it at intake. */
    boolean inReview() {
        return rejectionCode == null && (status == UploadStatus.READY_FOR_REVIEW || status == UploadStatus.ACCEPTED
                || status == UploadStatus.REJECTED);
    }

    /**
     * Coordinators decided on documents: once every document has a decision the upload is {@code accepted} when
     * any document was accepted, else {@code rejected}; until then it stays {@code ready_for_review}.
     *
     * @return whether the upload just became (or changed while) done
     */
    boolean reviewed(int documents, int decided, boolean anyAccepted) {
        UploadStatus before = status;
        status = decided < documents ? UploadStatus.READY_FOR_REVIEW
                : anyAccepted ? UploadStatus.ACCEPTED : UploadStatus.REJECTED;
        return status != UploadStatus.READY_FOR_REVIEW && status != before;
    }

    /** Processing gave up; the originals stay, and sending the same bytes again is allowed. */
    void fail(UploadFailure failure, Instant now) {
        this.status = UploadStatus.FAILED;
        this.failureCode = failure.code();
        this.duplicateKey = null;
        this.finishedAt = now;
    }
}
