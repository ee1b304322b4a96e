package health.ferry.uploads.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import health.ferry.uploads.classification.Classification;
import health.ferry.uploads.classification.DocumentFacts;
import health.ferry.uploads.classification.PackageClassifier;
import health.ferry.uploads.detection.ExtractionOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Jazzer fuzz targets (plan Z20, non-negotiable 15) on the archive ingester and the document classifier. Whatever the
 * bytes, unpacking ends in an acceptance or a rejection with a code (nothing stored), and classification answers a
 * kind; any other exception, error or hang is a finding.
 *
 * <p>In the normal test run each target replays its regression inputs (src/test/resources/health/ferry/uploads/
 * archive/ArchiveIngestFuzzTestInputs/&lt;method&gt;/: seeds and every input a fuzz run ever found — keep them).
 * CI fuzzes each target for a minute ({@code .ci/fuzz}). A longer local run, e.g. an hour per target:
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -o test -Dtest='ArchiveIngestFuzzTest#unpack' -Djazzer.max_duration=1h \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * A finding is written into that inputs folder as {@code crash-…}: fix the bug, keep the file as a regression input.
 */
class ArchiveIngestFuzzTest {
    private static final ArchiveLimits LIMITS = new ArchiveLimits(50, 256 * 1024, 1024 * 1024, 64 * 1024, 100,
            1_024, 255, 32);
    private static final String[] MEDIA_TYPES = {"application/cda+xml", "application/xml", "text/xml",
        "application/fhir+json", "application/json", "application/fhir+xml", "application/pdf", "text/html",
        "text/plain", "application/xslt+xml", "application/x-ndjson", "image/svg+xml", "application/zip",
        "application/octet-stream", "application/dicom"};
    private static final String[] NAMES = {"DOC0001.XML", "METADATA.XML", "INDEX.HTM", "README.TXT", "bundle.json",
        "report.pdf", "CDA.xsl", "notes.txt", "export.ndjson"};

    private static Path dir;
    private static ArchiveFixture fixture;

    @BeforeAll
    static void scratch() throws IOException {
        dir = Files.createTempDirectory("ferry-fuzz");
        fixture = new ArchiveFixture(dir);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }

    @FuzzTest(maxDuration = "60s")
    void unpack(byte[] data) throws IOException {
        UnpackResult result = fixture.unpack(data, LIMITS);
        if (result.rejected()) {
            assertNotNull(result.rejection().code());
            assertTrue(result.rejection().message().startsWith(result.rejection().code().message()));
            fixture.assertStoreEmpty();
            return;
        }
        for (UnpackedEntry entry : result.entries()) {
            assertEquals(entry.size(), Files.size(fixture.sink.pathOf(entry.storageKey())));
            fixture.sink.discard(entry.storageKey());
        }
        fixture.assertStoreEmpty();
    }

    @FuzzTest(maxDuration = "60s")
    void classify(FuzzedDataProvider data) throws IOException {
        String name = data.pickValue(NAMES);
        String mediaType = data.pickValue(MEDIA_TYPES);
        String text = data.consumeRemainingAsString();
        Path file = Files.writeString(dir.resolve("document"), text, StandardCharsets.UTF_8);
        Classification classification = PackageClassifier.classify(new DocumentFacts(name, Files.size(file),
                mediaType, ExtractionOutcome.OK, text, 1, file));
        assertNotNull(classification.kind());
        PackageClassifier.classify(java.util.List.of(new DocumentFacts(name, Files.size(file), mediaType,
                ExtractionOutcome.OK, text, 1, file)));
    }
}
