package health.ferry.uploads;

import health.ferry.uploads.detection.ExtractionOutcome;
import java.util.UUID;

/**
 * A recorded document as classification needs it; {@code text} is loaded only where a rule reads it (PDFs, and
 * images OCR read).
 */
record RecordedDocument(UUID id, String name, long size, String mediaType, ExtractionOutcome outcome, String text,
        int pages, String blobPath, String sha256, health.ferry.uploads.detection.OcrStatus ocr) {
}
