package health.ferry.uploads.detection;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the isolated extraction worker (SECURITY-TEST-PLAN section 2).
 *
 * @param timeout               per-document wall-clock limit; the worker is killed when it passes
 * @param startupTimeout        how long a new worker may take to load Tika
 * @param maxHeap               the worker's {@code -Xmx}, e.g. {@code 512m}
 * @param writeLimit            most characters of text kept per document (the rest is dropped and flagged)
 * @param maxEmbeddedDocuments  most embedded documents parsed per document
 * @param maxEmbeddedDepth      most levels of embedding followed
 * @param maxDocumentsPerWorker documents after which the worker is replaced (parsers leak slowly)
 * @param classpath             the worker's class path, or null to derive it (test JVM, fast-jar or dev jar)
 * @param parallelism           documents one worker JVM parses at once (its parse threads share the loaded Tika)
 * @param niceness              the worker's scheduling priority below the app's ({@code nice -n}, 0 to 19; 0 =
 *                              same): requests to the app go first when a busy machine has to choose
 * @param ocr                   OCR of images and scanned PDF pages (Tesseract), with its caps
 */
public record ExtractionSettings(Duration timeout, Duration startupTimeout, String maxHeap, int writeLimit,
        int maxEmbeddedDocuments, int maxEmbeddedDepth, int maxDocumentsPerWorker, String classpath,
        int parallelism, int niceness, OcrSettings ocr) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(30);
    public static final String DEFAULT_MAX_HEAP = "512m";
    public static final int DEFAULT_WRITE_LIMIT = 10_000_000;
    public static final int DEFAULT_MAX_EMBEDDED_DOCUMENTS = 100;
    public static final int DEFAULT_MAX_EMBEDDED_DEPTH = 3;
    public static final int DEFAULT_MAX_DOCUMENTS_PER_WORKER = 10_000;
    public static final int DEFAULT_PARALLELISM = 2;
    public static final int DEFAULT_NICENESS = 10;

    public ExtractionSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        ocr = ocr == null ? OcrSettings.defaults() : ocr;
        if (!maxHeap.matches("\\d{1,6}[kKmMgG]")) {
            throw new IllegalArgumentException("maxHeap must look like 512m");
        }
        if (timeout.isNegative() || timeout.isZero() || writeLimit < 1 || maxEmbeddedDocuments < 0
                || maxEmbeddedDepth < 0 || maxDocumentsPerWorker < 1 || parallelism < 1 || parallelism > 16 || niceness < 0 || niceness > 19) {
            throw new IllegalArgumentException("extraction limits must be positive");
        }
    }

    /** OCR as by default (on, English). */
    public ExtractionSettings(Duration timeout, Duration startupTimeout, String maxHeap, int writeLimit,
            int maxEmbeddedDocuments, int maxEmbeddedDepth, int maxDocumentsPerWorker, String classpath,
            int parallelism, int niceness) {
        this(timeout, startupTimeout, maxHeap, writeLimit, maxEmbeddedDocuments, maxEmbeddedDepth,
                maxDocumentsPerWorker, classpath, parallelism, niceness, OcrSettings.defaults());
    }

    /** One document at a time, at the app's own priority. */
    public ExtractionSettings(Duration timeout, Duration startupTimeout, String maxHeap, int writeLimit,
            int maxEmbeddedDocuments, int maxEmbeddedDepth, int maxDocumentsPerWorker, String classpath) {
        this(timeout, startupTimeout, maxHeap, writeLimit, maxEmbeddedDocuments, maxEmbeddedDepth,
                maxDocumentsPerWorker, classpath, 1, 0, OcrSettings.defaults());
    }

    public static ExtractionSettings defaults() {
        return new ExtractionSettings(DEFAULT_TIMEOUT, DEFAULT_STARTUP_TIMEOUT, DEFAULT_MAX_HEAP, DEFAULT_WRITE_LIMIT,
                DEFAULT_MAX_EMBEDDED_DOCUMENTS, DEFAULT_MAX_EMBEDDED_DEPTH, DEFAULT_MAX_DOCUMENTS_PER_WORKER, null,
                DEFAULT_PARALLELISM, DEFAULT_NICENESS, OcrSettings.defaults());
    }

    public ExtractionSettings withTimeout(Duration value) {
        return new ExtractionSettings(value, startupTimeout, maxHeap, writeLimit, maxEmbeddedDocuments,
                maxEmbeddedDepth, maxDocumentsPerWorker, classpath, parallelism, niceness, ocr);
    }

    public ExtractionSettings withNiceness(int value) {
        return new ExtractionSettings(timeout, startupTimeout, maxHeap, writeLimit, maxEmbeddedDocuments,
                maxEmbeddedDepth, maxDocumentsPerWorker, classpath, parallelism, value, ocr);
    }

    public ExtractionSettings withParallelism(int value) {
        return new ExtractionSettings(timeout, startupTimeout, maxHeap, writeLimit, maxEmbeddedDocuments,
                maxEmbeddedDepth, maxDocumentsPerWorker, classpath, value, niceness, ocr);
    }

    public ExtractionSettings withOcr(OcrSettings value) {
        return new ExtractionSettings(timeout, startupTimeout, maxHeap, writeLimit, maxEmbeddedDocuments,
                maxEmbeddedDepth, maxDocumentsPerWorker, classpath, parallelism, niceness, value);
    }
}
