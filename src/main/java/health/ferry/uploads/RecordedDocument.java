package health.ferry.uploads;

import health.ferry.uploads.detection.ExtractionOutcome;
import java.util.UUID;

/** A recorded document as classification needs it; {@code text} is loaded only where a rule reads it (PDF). */
record RecordedDocument(UUID id, String name, long size, String mediaType, ExtractionOutcome outcome, String text,
        int pages, String blobPath, String sha256) {
}
