package health.ferry.uploads.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.uploads.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus's hostile archives (06-adversarial-archives): each one ends in a rejection with its reason, or in a
 * documented safe handling; none raises an exception. Skipped where the corpus is absent.
 */
public class ArchiveCorpusTest {
    private static final String PKG = "tika-parsers/tika-parsers-standard/tika-parsers-standard-modules/"
            + "tika-parser-pkg-module/src/test/resources/test-documents/";
    private static final String ACCEPTED = "accepted";

    /** Expected outcome per file; "accepted" entries are explained in {@link #acceptedSafely}. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("src/test/resources/zipbomb.xlsx", "compression_ratio"),
            Map.entry("src/test/resources/password-encrypted.zip", "encrypted_archive"),
            Map.entry("src/test/resources/invalid-zip.zip", "not_an_archive"),
            Map.entry("src/test/resources/COMPRESS-546.zip", "corrupt_archive"),
            Map.entry("src/test/resources/COMPRESS-548.zip", "corrupt_archive"),
            Map.entry("src/test/resources/bla-stored-dd-contradicts-actualsize.zip", "corrupt_archive"),
            Map.entry("src/test/resources/archive_with_bytes_after_data.zip", ACCEPTED),
            Map.entry("src/test/resources/COMPRESS-214_unix_symlinks.zip", "symlink_entry"),
            Map.entry("src/test/resources/COMPRESS-380/COMPRESS-380-readbeyondmemory.zip", "unsupported_compression"),
            Map.entry("src/test/resources/SHRUNK.ZIP", "unsupported_compression"),
            Map.entry("src/test/resources/COMPRESS-477/split_zip_created_by_zip/split_zip_created_by_zip.zip",
                    "split_archive"),
            Map.entry("src/test/resources/utf8-winzip-test.zip", ACCEPTED),
            Map.entry("src/test/resources/COMPRESS-692/compress-692.zip", "unsupported_compression"),
            Map.entry(PKG + "droste.zip", ACCEPTED),
            Map.entry(PKG + "testZipEncrypted.zip", "encrypted_archive"),
            Map.entry(PKG + "full_encrypted.7z", "not_an_archive"),
            Map.entry(PKG + "test7Z_protected_passTika.7z", "not_an_archive"),
            Map.entry("tika-parsers/tika-parsers-standard/tika-parsers-standard-modules/tika-parser-microsoft-module/"
                    + "src/test/resources/test-documents/testZIP_corrupted_oom.zip", "corrupt_archive"),
            Map.entry(PKG + "test-documents-spanned.zip", "split_archive"),
            Map.entry(PKG + "test-zip-of-zip.zip", ACCEPTED),
            Map.entry("tika-parsers/tika-parsers-standard/tika-parsers-standard-integration-tests/src/test/resources/"
                    + "test-documents/testZipEntryNameCharsetShiftSJIS.zip", ACCEPTED),
            // Its directory's offsets are 32 bytes off the local headers (prefixed data): ZipFile would read the
            // wrong bytes, so the directory/local-header cross-check refuses it.
            Map.entry(PKG + "testZip_with_DataDescriptor.zip", "corrupt_archive"));

    @TempDir
    Path dir;

    /** The expected outcome (a rejection code, or "accepted") of each corpus file, by its path in the folder. */
    public static Map<String, String> expectedOutcomes() {
        return EXPECTED;
    }

    static Stream<String> files() {
        return EXPECTED.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("files")
    void endsInARejectionWithAReasonOrASafeAcceptance(String relative) throws IOException {
        Path file = Corpus.file("06-adversarial-archives/" + relative);
        ArchiveFixture fixture = new ArchiveFixture(dir);
        UnpackResult result = ArchiveUnpacker.unpack(file, ArchiveLimits.defaults(), fixture.sink);
        String outcome = result.rejected() ? result.rejection().code().code() : ACCEPTED;
        assertEquals(EXPECTED.get(relative), outcome, () -> String.valueOf(result.rejection()));
        if (result.rejected()) {
            fixture.assertStoreEmpty();
        } else {
            acceptedSafely(relative, result);
        }
    }

    /** The accepted ones: nothing nested is opened, names stay display text. */
    private void acceptedSafely(String relative, UnpackResult result) {
        List<String> names = result.entries().stream().map(UnpackedEntry::name).toList();
        if (relative.endsWith("droste.zip")) {
            // The quine holds itself: stored once, flagged as a nested archive, never expanded.
            assertTrue(result.entries().stream().anyMatch(e -> e.name().equals("droste.zip") && e.nestedArchive()));
        } else if (relative.endsWith("test-zip-of-zip.zip")) {
            assertEquals(List.of("html-within-zip.zip"), names);
            assertTrue(result.entries().get(0).nestedArchive());
        } else if (relative.endsWith("utf8-winzip-test.zip")) {
            assertTrue(names.contains("\u00d6lf\u00e4sser.txt"), names::toString);
        } else {
            assertTrue(!names.isEmpty());
        }
    }

    @Test
    void everyArchiveInTheHostileFolderIsCovered() throws IOException {
        Path root = Corpus.root().resolve("06-adversarial-archives");
        try (Stream<Path> all = Files.walk(root)) {
            List<String> present = all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .sorted().toList();
            assertEquals(files().toList(), present);
        }
    }
}
