package health.ferry.uploads.detection;

import java.util.List;

/**
 * What the isolated worker found in one document.
 *
 * @param outcome               how extraction ended
 * @param mediaType             the type detected from the content (never the name); {@code application/octet-stream}
 *                              when the worker died before detecting
 * @param text                  extracted plain text, possibly cut at the write limit; empty when none
 * @param pages                 page count where the format has pages (PDF, Office), else 0
 * @param writeLimitReached     the text was cut at the configured write limit
 * @param embeddedLimitReached  some embedded documents were not parsed (count or depth limit)
 * @param encrypted             the document is encrypted, even when it opened without a password
 * @param parsers               the Tika parsers that handled it (proves which code ran, e.g. never OCR)
 * @param failure               for a failed outcome, the exception class or "timeout"/"worker_exited"; else null.
 *                              Never a message: messages can quote document content
 * @param ocr                   whether the text came from OCR, and if it could not, why not
 */
public record Extraction(ExtractionOutcome outcome, String mediaType, String text, int pages,
        boolean writeLimitReached, boolean embeddedLimitReached, boolean encrypted, List<String> parsers,
        String failure, OcrStatus ocr) {
    public static final String UNKNOWN_TYPE = "application/octet-stream";

    public Extraction {
        mediaType = mediaType == null ? UNKNOWN_TYPE : mediaType;
        text = text == null ? "" : text;
        parsers = parsers == null ? List.of() : List.copyOf(parsers);
        ocr = ocr == null ? OcrStatus.NOT_NEEDED : ocr;
    }

    /** A document whose text needed no OCR. */
    public Extraction(ExtractionOutcome outcome, String mediaType, String text, int pages, boolean writeLimitReached,
            boolean embeddedLimitReached, boolean encrypted, List<String> parsers, String failure) {
        this(outcome, mediaType, text, pages, writeLimitReached, embeddedLimitReached, encrypted, parsers, failure,
                OcrStatus.NOT_NEEDED);
    }

    static Extraction failed(ExtractionOutcome outcome, String mediaType, String failure) {
        return new Extraction(outcome, mediaType, "", 0, false, false, false, List.of(), failure);
    }
}
