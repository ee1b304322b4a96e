package health.ferry.uploads;

import health.ferry.uploads.archive.ArchiveLimits;
import health.ferry.uploads.detection.ExtractionSettings;
import health.ferry.uploads.detection.OcrSettings;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import health.ferry.uploads.storage.S3Settings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Supporting Documents settings (prefix {@code ferry.uploads}); the defaults are SECURITY-TEST-PLAN section 2's
 * recommended limits, documented in docs/supporting-documents.md.
 */
@ConfigMapping(prefix = "ferry.uploads")
public interface UploadsConfig {
    /** Bounds on unpacking one archive. */
    Archive archive();

    /** The isolated extraction worker. */
    Extraction extraction();

    /**
     * Root folder of stored uploads: originals by SHA-256, unpacked entries under generated keys. Shared by every
     * instance that processes uploads.
     */
    @WithDefault("data/uploads")
    Path storageDir();

    /** Where stored bytes are kept for good: this folder, or S3-compatible object storage. */
    Storage storage();

    /**
     * The server's ceiling on one upload, whatever a study allows; keep {@code quarkus.http.limits.max-body-size}
     * a little above it (multipart framing), so the study's own limit answers first with {@code too_large}.
     */
    @WithDefault("1G")
    @WithConverter(MemorySizeConverter.class)
    MemorySize maxUploadSize();

    /** Most uploads one person may make in 24 hours ({@code quota_exceeded}). */
    @WithDefault("20")
    int maxUploadsPerPersonPerDay();

    /** The durable processing job. */
    Jobs jobs();

    /** Bounds on unpacking one archive; each breach has its own rejection code. */
    interface Archive {
        /** Most entries an archive may declare ({@code too_many_entries}). */
        @WithDefault("2000")
        int maxEntries();

        /** Most uncompressed bytes of one entry, counted while streaming ({@code too_much_data}). */
        @WithDefault("100M")
        @WithConverter(MemorySizeConverter.class)
        MemorySize maxEntrySize();

        /** Most uncompressed bytes of all entries together ({@code too_much_data}). */
        @WithDefault("1G")
        @WithConverter(MemorySizeConverter.class)
        MemorySize maxTotalSize();

        /** An entry's compression ratio is judged once it has produced more than this. */
        @WithDefault("1M")
        @WithConverter(MemorySizeConverter.class)
        MemorySize ratioCheckAfter();

        /** Most uncompressed bytes per compressed byte of an entry ({@code compression_ratio}). */
        @WithDefault("100")
        int maxCompressionRatio();

        /** Most UTF-8 bytes of an entry's path ({@code unsafe_entry_name}). */
        @WithDefault("1024")
        int maxNameBytes();

        /** Most UTF-8 bytes of one path segment ({@code unsafe_entry_name}). */
        @WithDefault("255")
        int maxSegmentBytes();

        /** Most path segments of an entry name ({@code unsafe_entry_name}). */
        @WithDefault("32")
        int maxSegments();

        /** These settings as the unpacker's limits. */
        default ArchiveLimits limits() {
            return new ArchiveLimits(maxEntries(), maxEntrySize().asLongValue(), maxTotalSize().asLongValue(),
                    ratioCheckAfter().asLongValue(), maxCompressionRatio(), maxNameBytes(), maxSegmentBytes(),
                    maxSegments());
        }
    }

    /** The document store behind {@code storage-dir}. */
    interface Storage {
        /**
         * {@code file}: {@code storage-dir} is the store (share it between instances); {@code s3}: an S3-compatible
         * bucket is, and {@code storage-dir} holds this instance's working copies.
         */
        @WithDefault("file")
        Backend backend();

        /** The bucket, for {@code backend=s3}. */
        S3 s3();

        /** The two kinds of store. */
        enum Backend {
            FILE, S3
        }

        /** An S3-compatible bucket (AWS S3, MinIO, Ceph RGW, …). */
        interface S3 {
            /** The service URL, e.g. {@code http://minio:9000}; empty for AWS (derived from the region). */
            Optional<URI> endpoint();

            /** Signing region. */
            @WithDefault("us-east-1")
            String region();

            /** The bucket, created ahead of time. */
            Optional<String> bucket();

            /** Prepended to every object key, e.g. {@code ferry/}. */
            Optional<String> prefix();

            /** Bucket in the path rather than the host name (MinIO and most self-hosted servers need it). */
            @WithDefault("true")
            boolean pathStyle();

            /** Static access key; empty uses the SDK's default chain (environment, profile, instance role). */
            Optional<String> accessKeyId();

            /** Its secret. */
            Optional<String> secretAccessKey();

            /** These settings for the client. */
            default S3Settings settings() {
                return new S3Settings(endpoint(), region(), bucket().orElse(null), prefix().orElse(""), pathStyle(),
                        accessKeyId(), secretAccessKey());
            }
        }
    }

    /** The processing job: workers, claiming, leases and retries (SECURITY-TEST-PLAN section 2, job leases). */
    interface Jobs {
        /** Jobs processed at once by this instance; each worker owns one extraction JVM. */
        @WithDefault("1")
        int workers();

        /** How often due jobs (new, retried, or left by a crashed instance) are looked for. */
        @WithDefault("5s")
        @WithConverter(DurationConverter.class)
        Duration pollEvery();

        /** How long a claim holds without a heartbeat; a crashed worker's job is taken over after it. */
        @WithDefault("5m")
        @WithConverter(DurationConverter.class)
        Duration lease();

        /** Runs of one job before the upload ends {@code failed}. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before the first retry; doubled for each further one. */
        @WithDefault("1m")
        @WithConverter(DurationConverter.class)
        Duration retryBackoff();
    }

    /** The extraction worker JVM; a breach of the time limit kills it and marks the document timed_out. */
    interface Extraction {
        /** Wall-clock limit per document. */
        @WithDefault("60s")
        @WithConverter(DurationConverter.class)
        Duration timeout();

        /** How long a new worker may take to load Tika. */
        @WithDefault("30s")
        @WithConverter(DurationConverter.class)
        Duration startupTimeout();

        /** The worker's maximum heap ({@code -Xmx}). */
        @WithDefault("512m")
        String maxHeap();

        /** Most characters of text kept per document. */
        @WithDefault("10000000")
        int writeLimit();

        /** Most embedded documents (attachments, OLE objects) parsed per document. */
        @WithDefault("100")
        int maxEmbeddedDocuments();

        /** Most levels of embedding followed. */
        @WithDefault("3")
        int maxEmbeddedDepth();

        /**
         * Documents after which a worker is replaced by a fresh one (parsers leak slowly; the worker's heap cap and
         * exit on out-of-memory bound a fast leak). 10,000 is Tika pipes' own default; a replacement costs a JVM
         * start and Tika's loading, ~2 CPU-seconds, so a low value makes large uploads pay it again and again.
         */
        @WithDefault("10000")
        int maxDocumentsPerWorker();

        /**
         * Documents one worker JVM parses at once: its parse threads share one loaded Tika, so a second costs far
         * less memory than a second worker; each job's documents are still recorded in order.
         */
        @WithDefault("2")
        int parallelism();

        /**
         * How much lower the worker's scheduling priority is than the app's ({@code nice -n}, 0–19, 0 = the same;
         * ignored where there is no {@code nice}): participants' requests go first when the machine is busy.
         */
        @WithDefault("10")
        int niceness();

        /** The worker's class path; empty derives it from how the app was started (fast-jar, dev, tests). */
        Optional<String> classpath();

        /** OCR of images and scanned PDF pages by Tesseract, inside the worker. */
        Ocr ocr();

        /** These settings as the extractor's settings. */
        default ExtractionSettings settings() {
            return new ExtractionSettings(timeout(), startupTimeout(), maxHeap(), writeLimit(),
                    maxEmbeddedDocuments(), maxEmbeddedDepth(), maxDocumentsPerWorker(), classpath().orElse(null),
                    parallelism(), niceness(), ocr().settings());
        }
    }

    /**
     * OCR (Tesseract through Tika). Where the {@code tesseract} program is missing Ferry still works: such documents
     * say "text not read (OCR not installed)" and {@code /q/health} reports OCR as unavailable.
     */
    interface Ocr {
        /** Read images and PDF pages without a text layer by OCR. */
        @WithDefault("true")
        boolean enabled();

        /** Tesseract languages joined by {@code +} (e.g. {@code eng+spa}); each needs its tesseract-ocr-LANG package. */
        @WithDefault("eng")
        String languages();

        /** OCR time per document, all pages together; must stay below {@code extraction.timeout}. */
        @WithDefault("45s")
        @WithConverter(DurationConverter.class)
        Duration timeout();

        /** Most PDF pages read by OCR per document; later pages are reported as not read. */
        @WithDefault("20")
        int maxPages();

        /** The folder holding the {@code tesseract} program; empty finds it on the PATH. */
        Optional<String> tesseractPath();

        default OcrSettings settings() {
            return new OcrSettings(enabled(), languages(), timeout(), maxPages(), tesseractPath().orElse(null));
        }
    }
}
