package health.ferry.uploads.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an acceptable archive turns into: stored entries under generated keys, skipped clutter, flags. */
class ArchiveUnpackerTest {
    @TempDir
    Path dir;
    ArchiveFixture fixture;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new ArchiveFixture(dir);
    }

    @Test
    void storesEachFileUnderAGeneratedKeyWithCountedSizeAndHash() throws Exception {
        ZipBytes zip = new ZipBytes();
        zip.add("IHE_XDM/", "");
        zip.add("IHE_XDM/SUBSET01/", "");
        zip.add("IHE_XDM/SUBSET01/DOC0001.XML", "<ClinicalDocument/>");
        zip.add("INDEX.HTM", "<html></html>").method(ZipBytes.STORED);
        zip.add("README.TXT", "Exported by a portal");
        UnpackResult result = fixture.unpack(zip);
        fixture.assertAccepted(result);
        assertEquals(List.of("IHE_XDM/SUBSET01/DOC0001.XML", "INDEX.HTM", "README.TXT"),
                result.entries().stream().map(UnpackedEntry::name).toList());
        UnpackedEntry doc = result.entries().get(0);
        assertEquals(19, doc.size());
        assertEquals(sha256("<ClinicalDocument/>".getBytes(StandardCharsets.UTF_8)), doc.sha256());
        assertEquals(2, doc.index());
        assertEquals("<ClinicalDocument/>", Files.readString(fixture.sink.pathOf(doc.storageKey())));
        Set<String> stored;
        try (Stream<Path> files = Files.list(fixture.store)) {
            stored = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        assertEquals(result.entries().stream().map(UnpackedEntry::storageKey).collect(Collectors.toSet()), stored,
                "the store holds exactly the generated keys: no archive path reaches the file system");
        assertFalse(result.unusualCompression());
    }

    @Test
    void traversalNamesNeverTouchTheFileSystem() throws IOException {
        ZipBytes zip = new ZipBytes();
        zip.add("../../escaped.txt", "x");
        UnpackResult result = fixture.unpack(zip);
        fixture.assertRejected(result, RejectionCode.UNSAFE_ENTRY_NAME);
        assertFalse(Files.exists(dir.resolve("escaped.txt")));
        assertFalse(Files.exists(dir.getParent().resolve("escaped.txt")));
    }

    @Test
    void operatingSystemClutterAndEmptyFilesAreSkippedAndListed() throws IOException {
        ZipBytes zip = new ZipBytes();
        zip.add("__MACOSX/", "");
        zip.add("__MACOSX/records/._lab.pdf", "apple double");
        zip.add("records/._lab.pdf", "apple double");
        zip.add("records/.DS_Store", "finder");
        zip.add("records/Thumbs.db", "explorer");
        zip.add("Desktop.ini", "explorer");
        zip.add("records/empty.txt", "");
        zip.add("records/lab.pdf", "%PDF-1.4");
        UnpackResult result = fixture.unpack(zip);
        fixture.assertAccepted(result);
        assertEquals(List.of("records/lab.pdf"), result.entries().stream().map(UnpackedEntry::name).toList());
        Map<String, String> skipped = result.skipped().stream()
                .collect(Collectors.toMap(SkippedEntry::name, SkippedEntry::reason));
        assertEquals(Map.of("__MACOSX/records/._lab.pdf", "system_file", "records/._lab.pdf", "system_file",
                "records/.DS_Store", "system_file", "records/Thumbs.db", "system_file", "Desktop.ini", "system_file",
                "records/empty.txt", "empty_file"), skipped);
    }

    @Test
    void nestedArchivesAreStoredOpaqueAndFlagged() throws IOException {
        ZipBytes inner = new ZipBytes();
        inner.add("deeper.zip", new ZipBytes().build());
        ZipBytes zip = new ZipBytes();
        zip.add("inner.zip", inner.build());
        zip.add("notes.gz", gzip("notes"));
        byte[] tar = new byte[1024];
        System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, tar, 257, 5);
        zip.add("images.tar", tar);
        zip.add("scan.7z", new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C, 0, 4, 1});
        zip.add("report.txt", "plain");
        UnpackResult result = fixture.unpack(zip);
        fixture.assertAccepted(result);
        Map<String, Boolean> nested = result.entries().stream()
                .collect(Collectors.toMap(UnpackedEntry::name, UnpackedEntry::nestedArchive));
        assertEquals(Map.of("inner.zip", true, "notes.gz", true, "images.tar", true, "scan.7z", true,
                "report.txt", false), nested);
        assertEquals(5, result.entries().size(), "nothing inside the nested archives is expanded");
    }

    @Test
    void archivesWrittenByTheJdkWithDataDescriptorsAreAccepted() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("caf\u00e9/r\u00e9sum\u00e9.txt", "accents".getBytes(StandardCharsets.UTF_8));
        files.put("lab.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        ZipBytes.javaZip(fixture.upload, files);
        UnpackResult result = ArchiveUnpacker.unpack(fixture.upload, ArchiveLimits.defaults(), fixture.sink);
        fixture.assertAccepted(result);
        assertEquals(List.of("caf\u00e9/r\u00e9sum\u00e9.txt", "lab.csv"),
                result.entries().stream().map(UnpackedEntry::name).toList());
    }

    @Test
    void storedEntryWithDataDescriptorHoldingAZipIsReadByDirectorySize() throws IOException {
        ZipBytes inner = new ZipBytes();
        inner.add("x.txt", "inside");
        ZipBytes zip = new ZipBytes();
        ZipBytes.Entry entry = zip.add("inner.zip", inner.build()).method(ZipBytes.STORED);
        entry.dataDescriptor = true;
        UnpackResult result = fixture.unpack(zip);
        fixture.assertAccepted(result);
        assertTrue(result.entries().get(0).nestedArchive());
    }

    @Test
    void legacyCodePageNamesDecodeDeterministically() throws IOException {
        ZipBytes zip = new ZipBytes();
        ZipBytes.Entry entry = zip.add("cafe.txt", "x");
        entry.name = new byte[] {'c', 'a', 'f', (byte) 0x82, '.', 't', 'x', 't'};
        UnpackResult result = fixture.unpack(zip);
        fixture.assertAccepted(result);
        assertEquals("caf\u00e9.txt", result.entries().get(0).name());
    }

    @Test
    void unicodePathFieldThatAgreesGivesTheDisplayName() throws IOException {
        ZipBytes zip = new ZipBytes();
        ZipBytes.Entry entry = zip.add("cafe.txt", "x");
        entry.name = new byte[] {'c', 'a', 'f', '?', '.', 't', 'x', 't'};
        entry.extra = ZipBytes.unicodePath("caf\u00e9.txt", entry.name);
        UnpackResult result = fixture.unpack(zip);
        fixture.assertAccepted(result);
        assertEquals("caf\u00e9.txt", result.entries().get(0).name());
    }

    @Test
    void archiveThatCompressesUnusuallyWellIsAcceptedButFlagged() throws IOException {
        ZipBytes zip = new ZipBytes();
        zip.add("a.txt", new byte[900 * 1024]);
        zip.add("b.txt", new byte[900 * 1024]);
        UnpackResult result = fixture.unpack(zip);
        fixture.assertAccepted(result);
        assertTrue(result.unusualCompression());
    }

    @Test
    void sinkFailureIsAStorageErrorAndEarlierEntriesAreDiscarded() throws IOException {
        ZipBytes zip = new ZipBytes();
        zip.add("one.txt", "1");
        zip.add("two.txt", "2");
        Files.write(fixture.upload, zip.build());
        EntrySink failingSecond = new EntrySink() {
            int calls;

            @Override
            public void store(String key, InputStream content) throws IOException {
                if (++calls == 2) {
                    throw new IOException("disk full");
                }
                fixture.sink.store(key, content);
            }

            @Override
            public void discard(String key) throws IOException {
                fixture.sink.discard(key);
            }
        };
        IOException failure = assertThrows(IOException.class,
                () -> ArchiveUnpacker.unpack(fixture.upload, ArchiveLimits.defaults(), failingSecond));
        assertEquals("disk full", failure.getMessage());
        fixture.assertStoreEmpty();
    }

    @Test
    void aSinkThatSwallowsTheLimitExceptionStillGetsTheArchiveRejected() throws IOException {
        ZipBytes zip = new ZipBytes();
        zip.add("zeros.bin", new byte[8 * 1024 * 1024]);
        Files.write(fixture.upload, zip.build());
        EntrySink swallowing = new EntrySink() {
            @Override
            public void store(String key, InputStream content) {
                try {
                    content.transferTo(OutputStream.nullOutputStream());
                } catch (IOException ignored) {
                    // a careless sink
                }
            }

            @Override
            public void discard(String key) {
            }
        };
        UnpackResult result = ArchiveUnpacker.unpack(fixture.upload, ArchiveLimits.defaults(), swallowing);
        assertEquals(RejectionCode.COMPRESSION_RATIO, result.rejection().code());
    }

    @Test
    void missingUploadIsAnIoErrorNotARejection() {
        assertThrows(IOException.class,
                () -> ArchiveUnpacker.unpack(dir.resolve("absent.zip"), ArchiveLimits.defaults(), fixture.sink));
    }

    @Test
    void limitsRejectNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new ArchiveLimits(0, 1, 1, 1, 1, 1, 1, 1));
        ArchiveLimits defaults = ArchiveLimits.defaults();
        assertEquals(2_000, defaults.maxEntries());
        assertEquals(100L << 20, defaults.maxEntryBytes());
        assertEquals(1L << 30, defaults.maxTotalBytes());
        assertEquals(100, defaults.maxCompressionRatio());
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
