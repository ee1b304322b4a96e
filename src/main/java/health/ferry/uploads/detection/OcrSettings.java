package health.ferry.uploads.detection;

import java.time.Duration;
import java.util.Objects;

/**
 * OCR in the extraction worker (Tika's Tesseract integration): scanned PDF pages and images are read as text.
 *
 * @param enabled       OCR at all; off, images and scans stay without text (their document says so)
 * @param languages     Tesseract language codes joined by {@code +}, e.g. {@code eng} or {@code eng+spa}; each
 *                      needs its {@code tesseract-ocr-<lang>} package
 * @param timeout       OCR time per document, all its pages together; pages not reached are reported, not fatal.
 *                      Keep it below the worker's own per-document timeout, which kills the worker
 * @param maxPages      most PDF pages read by OCR per document; the rest are reported as not read
 * @param tesseractPath the folder holding the {@code tesseract} program, or null to find it on the PATH
 */
public record OcrSettings(boolean enabled, String languages, Duration timeout, int maxPages, String tesseractPath) {
    public static final String DEFAULT_LANGUAGES = "eng";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(45);
    public static final int DEFAULT_MAX_PAGES = 20;

    public OcrSettings {
        Objects.requireNonNull(timeout, "timeout");
        languages = languages == null || languages.isBlank() ? DEFAULT_LANGUAGES : languages.strip();
        if (!languages.matches("[A-Za-z_]{2,20}(\\+[A-Za-z_]{2,20}){0,9}")) {
            throw new IllegalArgumentException("OCR languages must look like eng or eng+spa");
        }
        if (timeout.toSeconds() < 1 || maxPages < 1) {
            throw new IllegalArgumentException("OCR time and page caps must be positive");
        }
        tesseractPath = tesseractPath == null || tesseractPath.isBlank() ? null : tesseractPath;
    }

    public static OcrSettings defaults() {
        return new OcrSettings(true, DEFAULT_LANGUAGES, DEFAULT_TIMEOUT, DEFAULT_MAX_PAGES, null);
    }

    public static OcrSettings off() {
        return new OcrSettings(false, DEFAULT_LANGUAGES, DEFAULT_TIMEOUT, DEFAULT_MAX_PAGES, null);
    }

    public OcrSettings withTesseractPath(String path) {
        return new OcrSettings(enabled, languages, timeout, maxPages, path);
    }

    public OcrSettings withTimeout(Duration value) {
        return new OcrSettings(enabled, languages, value, maxPages, tesseractPath);
    }

    public OcrSettings withMaxPages(int value) {
        return new OcrSettings(enabled, languages, timeout, value, tesseractPath);
    }

    /** Whether the {@code tesseract} program runs here ({@code tesseract --version}); takes a few milliseconds. */
    public boolean tesseractInstalled() {
        return OcrConfig.tesseractRuns(tesseractPath);
    }

    /** As worker arguments: enabled, languages, seconds, pages, path ("-" for the PATH). */
    java.util.List<String> arguments() {
        return java.util.List.of(Boolean.toString(enabled), languages, Long.toString(timeout.toSeconds()),
                Integer.toString(maxPages), tesseractPath == null ? "-" : tesseractPath);
    }

    /** Reads {@link #arguments()} back from {@code args} starting at {@code from}; defaults when absent. */
    static OcrSettings fromArguments(String[] args, int from) {
        if (args.length < from + 5) {
            return defaults();
        }
        return new OcrSettings(Boolean.parseBoolean(args[from]), args[from + 1],
                Duration.ofSeconds(Long.parseLong(args[from + 2])), Integer.parseInt(args[from + 3]),
                "-".equals(args[from + 4]) ? null : args[from + 4]);
    }
}
