package health.ferry.uploads;

import com.fasterxml.jackson.annotation.JsonIgnore;
import health.ferry.uploads.api.Problem;
import health.ferry.uploads.api.Progress;
import health.ferry.uploads.api.Review;
import health.ferry.uploads.api.SkippedView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An upload as the API contract shows it. {@code failure}, {@code files}, {@code warnings}, {@code receivedAt} and
 * {@code finishedAt} extend the contract: why a {@code failed} upload stopped, what was sent, where the package's XDM
 * metadata contradicts its files, and when. {@code sourceConnectionId} (extension, issue 23): the portal connection a
 * sync fetched these documents from (DocumentReference attachments); null for what the participant sent.
 */
public record UploadView(UUID id, String studyId, UUID personId, String status, Progress progress, Problem rejection,
        Problem failure, List<DocumentView> documents, List<SkippedView> skipped, List<FileView> files,
        List<Warning> warnings, Instant receivedAt, Instant finishedAt, UUID sourceConnectionId) {

    /**
     * One document of the upload; {@code review} stays null until a coordinator decides. {@code recordsExtracted}
     * (extension) counts the structured records taken from it (null: it holds none, or is not read yet) and
     * {@code recordsNote} says what could not be read. {@code confidenceWords} says the confidence as high, medium or
     * low; {@code ocr} is whether OCR read its text ({@code not_needed}, {@code read}, {@code not_installed} …) and
     * {@code textNote} says so in words where its text is missing or incomplete ("text not read (OCR not
     * installed)"), else null.
     */
    public record DocumentView(UUID id, String name, String mediaType, String kind, String category,
            Double confidence, String evidence, long size, String sha256, Review review, Integer recordsExtracted,
            String recordsNote, String confidenceWords, String ocr, String textNote) {
    }

    /** Where the XDM metadata and a file disagree ({@code xdm_size_mismatch}, {@code xdm_hash_mismatch} …). */
    public record Warning(String document, String code, String message) {
    }

    /** A file as it was sent (the .zip, or each file of several). */
    public record FileView(String name, long size) {
    }

    /** Nothing more happens to it without a person or an operator: pages stop polling. */
    @JsonIgnore
    public boolean isFinished() {
        return UploadStatus.fromCode(status).finished();
    }
}
