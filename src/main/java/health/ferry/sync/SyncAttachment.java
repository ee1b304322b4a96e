package health.ferry.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * What one sync made of one DocumentReference attachment: {@code fetched}, or why not ({@code too_large},
 * {@code over_total}, {@code not_found}, {@code wrong_type}, {@code unavailable}, {@code not_on_portal}).
 */
@Entity
@Table(name = "sync_attachment")
class SyncAttachment {
    static final String FETCHED = "fetched";
    static final String TOO_LARGE = "too_large";
    static final String OVER_TOTAL = "over_total";
    static final String NOT_FOUND = "not_found";
    static final String WRONG_TYPE = "wrong_type";
    static final String UNAVAILABLE = "unavailable";
    static final String NOT_ON_PORTAL = "not_on_portal";

    @Id
    UUID id;
    @Column(name = "connection_id", nullable = false)
    UUID connectionId;
    @Column(name = "sync_run_id", nullable = false)
    UUID syncRunId;
    @Column(name = "document_id", nullable = false)
    String documentId;
    @Column(name = "document_version", nullable = false)
    String documentVersion;
    @Column(nullable = false)
    int position;
    String title;
    @Column(nullable = false)
    String outcome;
    @Column(name = "size_bytes")
    Long sizeBytes;
    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt;

    protected SyncAttachment() {
    }

    SyncAttachment(UUID connectionId, UUID runId, DocumentAttachments.Found found, String outcome, Long size,
            Instant now) {
        this.id = UUID.randomUUID();
        this.connectionId = connectionId;
        this.syncRunId = runId;
        this.documentId = found.documentId();
        this.documentVersion = found.version();
        this.position = found.position();
        this.title = found.title();
        this.outcome = outcome;
        this.sizeBytes = size;
        this.recordedAt = now;
    }
}
