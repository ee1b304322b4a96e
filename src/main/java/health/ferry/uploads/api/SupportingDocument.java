package health.ferry.uploads.api;

import java.util.UUID;

/**
 * One document of an upload: what extraction and classification found. {@code confidenceWords} says the confidence
 * as high, medium or low; {@code ocr} whether OCR read its text, {@code textNote} in words where its text is missing.
 */
public record SupportingDocument(UUID id, UUID uploadId, String name, String mediaType, String kind,
        String category, Double confidence, String evidence, long size, int pages, String sha256, String extraction,
        boolean nestedArchive, String confidenceWords, String ocr, String textNote) {
}
