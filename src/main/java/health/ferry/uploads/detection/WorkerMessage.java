package health.ferry.uploads.detection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One JSON line between Ferry and its extraction worker. Requests carry {@code id} and {@code path}; the worker
 * answers {@code ready} once, then per request {@code detected} (as soon as the type is known) and {@code done}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WorkerMessage(Long id, String event, String path, String mediaType, String outcome, String text,
        Integer pages, Boolean writeLimitReached, Boolean embeddedLimitReached, Boolean encrypted,
        List<String> parsers, String failure, String ocr) {
    static final String READY = "ready";
    static final String DETECTED = "detected";
    static final String DONE = "done";

    static WorkerMessage request(long id, String path) {
        return new WorkerMessage(id, null, path, null, null, null, null, null, null, null, null, null, null);
    }

    static WorkerMessage ready() {
        return new WorkerMessage(null, READY, null, null, null, null, null, null, null, null, null, null, null);
    }

    static WorkerMessage detected(long id, String mediaType) {
        return new WorkerMessage(id, DETECTED, null, mediaType, null, null, null, null, null, null, null, null, null);
    }

    static WorkerMessage done(long id, Extraction result) {
        return new WorkerMessage(id, DONE, null, result.mediaType(), result.outcome().code(), result.text(),
                result.pages(), result.writeLimitReached(), result.embeddedLimitReached(), result.encrypted(),
                result.parsers(), result.failure(), result.ocr().code());
    }

    Extraction toExtraction() {
        return new Extraction(ExtractionOutcome.valueOf(outcome.toUpperCase(java.util.Locale.ROOT)), mediaType, text,
                pages == null ? 0 : pages, Boolean.TRUE.equals(writeLimitReached),
                Boolean.TRUE.equals(embeddedLimitReached), Boolean.TRUE.equals(encrypted), parsers, failure,
                OcrStatus.fromCode(ocr));
    }
}
