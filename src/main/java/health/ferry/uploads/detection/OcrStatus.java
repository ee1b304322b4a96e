package health.ferry.uploads.detection;

import java.util.Locale;

/** Whether a document's text came from OCR, and if not why not; {@link #NOT_NEEDED} for documents with text. */
public enum OcrStatus {
    /** The document has its own text (or is no image of text): OCR was not asked for. */
    NOT_NEEDED("text read"),
    /** Its text was read by OCR. */
    READ("text read by OCR"),
    /** OCR read the first pages only: the page cap per document was reached. */
    PAGE_CAP("text read by OCR up to the page limit; later pages not read"),
    /** OCR stopped at the time cap per document: some pages were not read. */
    TIME_CAP("text read by OCR until the time limit; some pages not read"),
    /** Tesseract failed on it (or on every page it tried). */
    FAILED("text not read (OCR failed)"),
    /** An image of text, but Tesseract is not installed here. */
    NOT_INSTALLED("text not read (OCR not installed)"),
    /** An image of text, but OCR is switched off ({@code ferry.uploads.extraction.ocr.enabled=false}). */
    OFF("text not read (OCR switched off)");

    private final String words;

    OcrStatus(String words) {
        this.words = words;
    }

    /** The stable snake_case code. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the document views say. */
    public String words() {
        return words;
    }

    /** The text is missing or incomplete because of OCR. */
    public boolean textMissing() {
        return this != NOT_NEEDED && this != READ;
    }

    public static OcrStatus fromCode(String code) {
        return code == null || code.isBlank() ? NOT_NEEDED : valueOf(code.toUpperCase(Locale.ROOT));
    }
}
