package health.ferry.uploads;

import health.ferry.uploads.api.LabResultView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One lab result proposed from a document (V22 {@code lab_proposal}); its fields are {@link LabFieldRow}s. */
@Entity
@Table(name = "lab_proposal")
class LabProposalRow {
    static final String PENDING = LabResultView.PENDING;
    static final String RECORDED = LabResultView.RECORDED;
    static final String LEFT_OUT = LabResultView.LEFT_OUT;
    static final String DROPPED = LabResultView.DROPPED;

    @Id
    UUID id;
    @Column(name = "document_id", nullable = false)
    UUID documentId;
    @Column(name = "upload_id", nullable = false)
    UUID uploadId;
    @Column(nullable = false)
    int position;
    @Column(nullable = false)
    int page;
    @Column(nullable = false)
    String outcome;
    @Column(name = "record_id")
    String recordId;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected LabProposalRow() {
    }

    LabProposalRow(UUID documentId, UUID uploadId, int position, int page, Instant now) {
        this.id = UUID.randomUUID();
        this.documentId = documentId;
        this.uploadId = uploadId;
        this.position = position;
        this.page = page;
        this.outcome = PENDING;
        this.createdAt = now;
    }
}
