package health.ferry.uploads;

import health.ferry.outcome.OutcomeException;
import health.ferry.uploads.api.DocumentBytes;
import health.ferry.uploads.api.DocumentText;
import health.ferry.uploads.api.LabDecided;
import health.ferry.uploads.api.LabDecisionRequest;
import health.ferry.uploads.api.LabResultView;
import health.ferry.uploads.api.Problem;
import health.ferry.uploads.api.Progress;
import health.ferry.uploads.api.SkippedView;
import health.ferry.uploads.api.StudyUpload;
import health.ferry.uploads.api.SupportingDocument;
import health.ferry.uploads.classification.Classification;
import health.ferry.uploads.classification.DocumentKind;
import health.ferry.uploads.storage.UploadStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The one public face of Supporting Documents for other features (review above all): a study's uploads, a document
 * with its text, bytes and page images, lab results proposed from it, and what a coordinator's decision changes on
 * the upload (a reclassified document, a package marked reviewed). It checks no access: the caller has decided that
 * the signed-in account may see or change what it asks for (review does, per study, and audits it). Participants'
 * own access goes through uploads' pages and API.
 */
@ApplicationScoped
public class SupportingDocuments {
    /** PDF pages rendered as images at most ({@link #pageImage}); the rest by download. */
    public static final int MAX_PREVIEW_PAGES = PdfPageImages.MAX_PAGES;

    @Inject
    UploadRepository uploads;
    @Inject
    DocumentRepository documents;
    @Inject
    DocumentTextRepository texts;
    @Inject
    SkippedRepository skipped;
    @Inject
    UploadStorage storage;
    @Inject
    LabResults labs;
    @Inject
    UploadSizeGate sizeGate;

    /** The document kinds' codes, as classification names them and a coordinator may set. */
    public List<String> kinds() {
        return Arrays.stream(DocumentKind.values()).map(DocumentKind::code).toList();
    }

    /** Every upload status code. */
    public List<String> statuses() {
        return Arrays.stream(UploadStatus.values()).map(UploadStatus::code).toList();
    }

    /** The study's uploads, oldest first. */
    public List<StudyUpload> forStudy(String studyId) {
        return uploads.findByStudy(studyId).stream().map(SupportingDocuments::view).toList();
    }

    /** The ids of the uploads made for a study, by person: records read from them belong to this study only. */
    public Map<UUID, Set<UUID>> uploadIdsByPerson(String studyId) {
        return uploads.idsByPerson(studyId);
    }

    /** The ids of the uploads one person made for a study. */
    public Set<UUID> uploadIdsOf(UUID personId, String studyId) {
        return uploads.findByPerson(personId).stream().filter(u -> u.studyId.equals(studyId)).map(u -> u.id)
                .collect(java.util.stream.Collectors.toSet());
    }

    public Optional<StudyUpload> upload(UUID uploadId) {
        return uploadId == null ? Optional.empty() : uploads.findByIdOptional(uploadId).map(SupportingDocuments::view);
    }

    public Optional<SupportingDocument> document(UUID documentId) {
        return documentId == null ? Optional.empty()
                : documents.findByIdOptional(documentId).map(SupportingDocuments::view);
    }

    /** These uploads' documents by upload, each in the order of the package. */
    public Map<UUID, List<SupportingDocument>> documentsOf(Collection<UUID> uploadIds) {
        Map<UUID, List<SupportingDocument>> byUpload = new LinkedHashMap<>();
        uploadIds.forEach(id -> byUpload.put(id, new java.util.ArrayList<>()));
        for (UploadDocument d : documents.findByUploads(uploadIds)) {
            byUpload.get(d.uploadId).add(view(d));
        }
        return byUpload;
    }

    /** These documents, those that exist, in no particular order. */
    public List<SupportingDocument> documents(Collection<UUID> documentIds) {
        List<UUID> ids = List.copyOf(documentIds);
        List<SupportingDocument> found = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            documents.list("id in ?1", ids.subList(i, Math.min(ids.size(), i + 500))).forEach(d -> found.add(view(d)));
        }
        return found;
    }

    /** What the upload's archive left out on purpose (system files, empty files), in the archive's order. */
    public List<SkippedView> skipped(UUID uploadId) {
        return skipped.findByUpload(uploadId).stream().map(s -> new SkippedView(s.name, s.reason)).toList();
    }

    /** The document's extracted text, at most {@code max} characters. */
    public DocumentText text(UUID documentId, int max) {
        String text = texts.textOf(documentId);
        boolean truncated = text.length() > max || texts.findByIdOptional(documentId).map(t -> t.truncated)
                .orElse(false);
        return new DocumentText(text.length() > max ? text.substring(0, max) : text, truncated);
    }

    /** Where the document's original bytes are; 404 for no document. */
    public DocumentBytes bytes(UUID documentId) {
        UploadDocument d = documentId == null ? null : documents.findById(documentId);
        if (d == null) {
            throw OutcomeException.notFound();
        }
        return new DocumentBytes(d.name, d.mediaType, storage.resolve(d.blobPath), d.sizeBytes);
    }

    /**
     * Page {@code page} (from 1) of a PDF as a PNG, at most {@link #MAX_PREVIEW_PAGES}; 400 for a document that is
     * no PDF, 404 for a page not rendered. {@code documentId} names it in the log.
     */
    public byte[] pageImage(DocumentBytes document, String documentId, int page) {
        return PdfPageImages.render(documentId, document, page);
    }

    /** A coordinator's kind and category for a document; null keeps what classification found. */
    @Transactional
    public void reclassify(UUID documentId, String kind, String category) {
        if (kind != null && !kinds().contains(kind)) {
            throw OutcomeException.invalid("kind", "Not a document kind.");
        }
        documents.findByIdOptional(documentId).orElseThrow(OutcomeException::notFound).reclassify(kind, category);
    }

    /**
     * Brings the upload's status in line with its decisions: {@code accepted} once every document is decided and
     * any accepted, {@code rejected} when none was, else still {@code ready_for_review}.
     *
     * @return whether the package just became (or changed while) done
     */
    @Transactional
    public boolean markReviewed(UUID uploadId, int decided, boolean anyAccepted) {
        Upload upload = uploads.findByIdOptional(uploadId).orElseThrow(OutcomeException::notFound);
        return upload.reviewed((int) documents.countByUpload(uploadId), decided, anyAccepted);
    }

    /** Lab results proposed from the document's text, each with its fields. */
    @Transactional
    public List<LabResultView> labResults(UUID documentId) {
        return labs.views(documentId);
    }

    /**
     * A coordinator's decisions on one proposed lab result, all or nothing (400 with every bad field; 404 for a
     * result not of this document; 409 {@code already_decided} once settled).
     */
    @Transactional
    public LabDecided decideLabResult(UUID documentId, String resultId, LabDecisionRequest request) {
        return labs.decide(documentId, resultId, request);
    }

    /** An upload's declared length over its study's limit, refused before any of its body is read. */
    public Optional<OutcomeException> declaredTooLarge(String method, String path, String contentLength) {
        return sizeGate.declaredTooLarge(method, path, contentLength);
    }

    /** {@code Content-Disposition: attachment} with a safe ASCII name and the UTF-8 one, whatever the name holds. */
    public static String attachment(String fileName) {
        return ContentDisposition.attachment(fileName);
    }

    /** A size as people read it: "812 bytes", "14 KB", "3.2 MB". */
    public static String readableSize(long bytes) {
        return UploadSizes.readable(bytes);
    }

    private static StudyUpload view(Upload u) {
        return new StudyUpload(u.id, u.studyId, u.personId, u.status.code(), u.inReview(),
                u.status == UploadStatus.READY_FOR_REVIEW, new Progress(u.progressDone, u.progressTotal),
                u.rejectionCode == null ? null : new Problem(u.rejectionCode, u.rejectionMessage), u.receivedAt,
                u.finishedAt);
    }

    private static SupportingDocument view(UploadDocument d) {
        return new SupportingDocument(d.id, d.uploadId, d.name, d.mediaType, d.kind, d.category, d.confidence,
                d.evidence, d.sizeBytes, d.pages, d.sha256, d.extraction, d.nestedArchive,
                Classification.inWords(d.confidence), d.ocr, d.textNote());
    }
}
