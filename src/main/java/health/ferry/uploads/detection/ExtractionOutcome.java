package health.ferry.uploads.detection;

import java.util.Locale;

/** How extracting one document ended. */
public enum ExtractionOutcome {
    /** Parsed; the text may still be empty (images, scans) or cut at the write limit. */
    OK,
    /** The parser failed, or the worker died on it (crash, out of memory). Not retried automatically. */
    PARSE_FAILED,
    /** The per-document time limit passed; the worker was killed. */
    TIMED_OUT,
    /** Password-protected: recognised, not opened, not retried. */
    ENCRYPTED;

    /** The stable snake_case code. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
