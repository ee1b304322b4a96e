package health.ferry.uploads;

import health.ferry.uploads.classification.Classification;
import health.ferry.uploads.detection.Extraction;
import health.ferry.uploads.detection.OcrStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One document of an upload, attached to the study's package: where its bytes are, what extraction found, and
 * (once the whole upload is classified) its kind, category, confidence and evidence. One row per entry index.
 */
@Entity
@Table(name = "upload_document")
class UploadDocument {
    @Id
    UUID id;
    @Column(name = "upload_id", nullable = false)
    UUID uploadId;
    @Column(name = "package_id", nullable = false)
    UUID packageId;
    @Column(name = "entry_index", nullable = false)
    int entryIndex;
    @Column(nullable = false)
    String name;
    @Column(name = "blob_path", nullable = false)
    String blobPath;
    @Column(name = "size_bytes", nullable = false)
    long sizeBytes;
    @Column(nullable = false)
    String sha256;
    @Column(name = "media_type", nullable = false)
    String mediaType;
    @Column(nullable = false)
    String extraction;
    @Column(nullable = false)
    int pages;
    /** {@link OcrStatus} code: whether the text came from OCR, and if not why not. */
    @Column(nullable = false)
    String ocr;
    @Column(name = "nested_archive", nullable = false)
    boolean nestedArchive;
    String kind;
    String category;
    Double confidence;
    String evidence;
    @Column(name = "records_extracted")
    Integer recordsExtracted;
    @Column(name = "records_note")
    String recordsNote;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected UploadDocument() {
    }

    UploadDocument(Upload upload, DocumentEntry entry, Extraction found, Instant now) {
        this.id = UUID.randomUUID();
        this.uploadId = upload.id;
        this.packageId = upload.packageId;
        this.entryIndex = entry.index();
        this.name = UploadOriginal.shortened(entry.name());
        this.blobPath = entry.blobPath();
        this.sizeBytes = entry.size();
        this.sha256 = entry.sha256();
        this.mediaType = found.mediaType().length() > 255 ? "application/octet-stream" : found.mediaType();
        this.extraction = found.outcome().code();
        this.pages = found.pages();
        this.ocr = found.ocr().code();
        this.nestedArchive = entry.nestedArchive();
        this.createdAt = now;
    }

    /** What the document views say of its text when OCR could not read it all, e.g. "text not read (OCR not
     * installed)"; null when its text is complete. */
    String textNote() {
        OcrStatus status = OcrStatus.fromCode(ocr);
        return status.textMissing() ? status.words() : null;
    }

    /** The structured records taken from it, and what could not be read (null when all was read). */
    void extracted(int count, String note) {
        this.recordsExtracted = count;
        this.recordsNote = note == null || note.length() <= 2000 ? note : note.substring(0, 1999) + "…";
    }

    void classify(Classification classification) {
        this.kind = classification.kind().code();
        this.category = classification.category().code();
        this.confidence = classification.confidence();
        this.evidence = classification.evidence().length() > 1000 ? classification.evidence().substring(0, 999)
                + "…" : classification.evidence();
    }

    /** A coordinator corrected the kind or the category. */
    void reclassify(String kind, String category) {
        if (kind != null) {
            this.kind = kind;
        }
        if (category != null) {
            this.category = category;
        }
    }
}
