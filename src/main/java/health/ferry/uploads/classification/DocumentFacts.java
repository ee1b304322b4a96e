package health.ferry.uploads.classification;

import health.ferry.uploads.detection.ExtractionOutcome;
import health.ferry.uploads.detection.OcrStatus;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything classification needs about one stored document.
 *
 * @param name      the entry's path inside the upload (display text; used only for package structure such as
 *                  {@code IHE_XDM/…} or {@code apple_health_export/clinical-records/…}, never to decide a type)
 * @param size      bytes, as counted while unpacking
 * @param mediaType the type detected from the content
 * @param outcome   how text extraction ended
 * @param text      the extracted text (may be empty)
 * @param pages     page count where known, else 0
 * @param content   the stored bytes, read again for structured formats (CDA, FHIR, XDM metadata)
 * @param ocr       whether the text came from OCR (then the evidence says "OCR text"), or why it could not
 */
public record DocumentFacts(String name, long size, String mediaType, ExtractionOutcome outcome, String text,
        int pages, Path content, OcrStatus ocr) {
    /** A document whose text needed no OCR. */
    public DocumentFacts(String name, long size, String mediaType, ExtractionOutcome outcome, String text, int pages,
            Path content) {
        this(name, size, mediaType, outcome, text, pages, content, OcrStatus.NOT_NEEDED);
    }

    public DocumentFacts {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(content, "content");
        text = text == null ? "" : text;
        ocr = ocr == null ? OcrStatus.NOT_NEEDED : ocr;
    }
}
