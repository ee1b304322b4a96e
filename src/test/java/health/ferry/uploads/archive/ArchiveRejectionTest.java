package health.ferry.uploads.archive;

import static health.ferry.uploads.archive.RejectionCode.COMPRESSION_RATIO;
import static health.ferry.uploads.archive.RejectionCode.CORRUPT_ARCHIVE;
import static health.ferry.uploads.archive.RejectionCode.DUPLICATE_ENTRIES;
import static health.ferry.uploads.archive.RejectionCode.EMPTY_ARCHIVE;
import static health.ferry.uploads.archive.RejectionCode.ENCRYPTED_ARCHIVE;
import static health.ferry.uploads.archive.RejectionCode.NOT_AN_ARCHIVE;
import static health.ferry.uploads.archive.RejectionCode.OVERLAPPING_ENTRIES;
import static health.ferry.uploads.archive.RejectionCode.SPLIT_ARCHIVE;
import static health.ferry.uploads.archive.RejectionCode.SYMLINK_ENTRY;
import static health.ferry.uploads.archive.RejectionCode.TOO_MANY_ENTRIES;
import static health.ferry.uploads.archive.RejectionCode.TOO_MUCH_DATA;
import static health.ferry.uploads.archive.RejectionCode.UNSAFE_ENTRY_NAME;
import static health.ferry.uploads.archive.RejectionCode.UNSUPPORTED_COMPRESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every archive rejection code of the contract, each provoked by an archive generated here (plan Z1–Z20). */
class ArchiveRejectionTest {
    private static final ArchiveLimits SMALL = new ArchiveLimits(5, 1_000, 1_500, 1_024 * 1024, 100, 1_024, 255, 32);

    @TempDir
    Path dir;
    ArchiveFixture fixture;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new ArchiveFixture(dir);
    }

    private void rejected(ZipBytes zip, RejectionCode code) throws IOException {
        rejected(zip.build(), ArchiveLimits.defaults(), code);
    }

    private Rejection rejected(byte[] bytes, ArchiveLimits limits, RejectionCode code) throws IOException {
        return fixture.assertRejected(fixture.unpack(bytes, limits), code);
    }

    private static ZipBytes one(String name, String content) {
        ZipBytes zip = new ZipBytes();
        zip.add(name, content);
        return zip;
    }

    @Test
    void notAZipAtAll() throws IOException {
        rejected("%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII), ArchiveLimits.defaults(), NOT_AN_ARCHIVE);
        rejected(new byte[0], ArchiveLimits.defaults(), NOT_AN_ARCHIVE);
        rejected(new byte[] {0x37, 0x7A, (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C, 0, 4}, ArchiveLimits.defaults(),
                NOT_AN_ARCHIVE);
    }

    @Test
    void prefixedDataAndPolyglotsAreNotArchives() throws IOException {
        ZipBytes polyglot = one("a.txt", "hello");
        polyglot.prefix = "%PDF-1.4\n% a PDF that is also a ZIP\n".getBytes(StandardCharsets.US_ASCII);
        rejected(polyglot, NOT_AN_ARCHIVE);
        ZipBytes selfExtracting = one("a.txt", "hello");
        selfExtracting.prefix = new byte[] {'M', 'Z', (byte) 0x90, 0};
        rejected(selfExtracting, NOT_AN_ARCHIVE);
    }

    @Test
    void emptyArchives() throws IOException {
        rejected(new ZipBytes(), EMPTY_ARCHIVE);
        ZipBytes folders = new ZipBytes();
        folders.add("IHE_XDM/", "");
        folders.add("IHE_XDM/SUBSET01/", "");
        rejected(folders, EMPTY_ARCHIVE);
        ZipBytes clutter = new ZipBytes();
        clutter.add("__MACOSX/._report.pdf", "x");
        clutter.add(".DS_Store", "x");
        clutter.add("empty.txt", "");
        UnpackResult result = fixture.unpack(clutter);
        fixture.assertRejected(result, EMPTY_ARCHIVE);
        assertEquals(3, result.skipped().size(), "the skipped files are still reported");
    }

    @Test
    void moreEntriesThanTheLimit() throws IOException {
        ZipBytes six = new ZipBytes();
        for (int i = 0; i < 6; i++) {
            six.add("f" + i + ".txt", "x" + i);
        }
        Rejection rejection = rejected(six.build(), SMALL, TOO_MANY_ENTRIES);
        assertTrue(rejection.message().contains("At most 5 files"), rejection.message());
    }

    @Test
    void endOfDirectoryThatUnderstatesTheCountIsStillCounted() throws IOException {
        ZipBytes six = new ZipBytes();
        for (int i = 0; i < 6; i++) {
            six.add("f" + i + ".txt", "x" + i);
        }
        six.declaredCount = 1;
        rejected(six.build(), SMALL, TOO_MANY_ENTRIES);
        rejected(six.build(), ArchiveLimits.defaults(), CORRUPT_ARCHIVE);
    }

    @Test
    void hugeDeclaredCountsAreRefusedBeforeZipFileAllocates() throws IOException {
        ZipBytes classic = one("a.txt", "x");
        classic.declaredCount = 0xFFFE;
        rejected(classic, TOO_MANY_ENTRIES);
        ZipBytes zip64 = one("a.txt", "x");
        zip64.zip64Count = 1L << 40;
        rejected(zip64, TOO_MANY_ENTRIES);
        zip64.zip64Count = -1L;
        rejected(zip64, TOO_MANY_ENTRIES);
    }

    @Test
    void entryLargerThanTheLimitIsCountedNotTrusted() throws IOException {
        byte[] big = new byte[5_000];
        Arrays.fill(big, (byte) 'a');
        ZipBytes honest = new ZipBytes();
        honest.add("big.txt", big);
        rejected(honest.build(), SMALL, TOO_MUCH_DATA);
        ZipBytes lying = new ZipBytes();
        lying.add("big.txt", big).size = 100L;
        rejected(lying.build(), SMALL, TOO_MUCH_DATA);
    }

    @Test
    void totalOfAllEntriesIsCapped() throws IOException {
        ZipBytes three = new ZipBytes();
        for (int i = 0; i < 3; i++) {
            three.add("part" + i + ".txt", "y".repeat(600));
        }
        Rejection rejection = rejected(three.build(), SMALL, TOO_MUCH_DATA);
        assertTrue(rejection.message().contains("All files together"), rejection.message());
    }

    @Test
    void zipBombEntryStopsAtTheRatioLimit() throws IOException {
        ZipBytes bomb = new ZipBytes();
        bomb.add("zeros.bin", new byte[20 * 1024 * 1024]);
        rejected(bomb, COMPRESSION_RATIO);
    }

    @Test
    void entriesSharingOneLocalHeaderAreAnOverlapBomb() throws IOException {
        ZipBytes fifield = new ZipBytes();
        fifield.add("kernel.bin", new byte[100_000]);
        for (int i = 0; i < 4; i++) {
            fifield.alias("copy" + i + ".bin", 0);
        }
        rejected(fifield, OVERLAPPING_ENTRIES);
    }

    @Test
    void localHeaderQuotedInsideAnotherEntryOverlaps() throws IOException {
        ZipBytes.Entry inner = new ZipBytes.Entry("inner.txt", "hello".getBytes(StandardCharsets.UTF_8))
                .method(ZipBytes.STORED);
        byte[] innerRecord = ZipBytes.localHeader(inner);
        byte[] quoted = new byte[innerRecord.length + 5];
        System.arraycopy(innerRecord, 0, quoted, 0, innerRecord.length);
        System.arraycopy("hello".getBytes(StandardCharsets.UTF_8), 0, quoted, innerRecord.length, 5);
        ZipBytes zip = new ZipBytes();
        zip.add("outer.bin", quoted).method(ZipBytes.STORED);
        zip.centralOnly(inner, zip.dataOffset(0));
        rejected(zip, OVERLAPPING_ENTRIES);
    }

    @Test
    void sameNameTwice() throws IOException {
        rejected(two("report.pdf", "report.pdf"), DUPLICATE_ENTRIES);
    }

    @Test
    void namesThatCollideOnCaseOrUnicodeNormalisation() throws IOException {
        rejected(two("docs/A.pdf", "DOCS/a.PDF"), DUPLICATE_ENTRIES);
        rejected(two("caf\u00e9.txt", "cafe\u0301.txt"), DUPLICATE_ENTRIES);
        rejected(two("stra\u00dfe.txt", "STRASSE.txt"), DUPLICATE_ENTRIES);
        rejected(two("notes/", "notes"), DUPLICATE_ENTRIES);
    }

    private static ZipBytes two(String first, String second) {
        ZipBytes zip = one(first, first.endsWith("/") ? "" : "one");
        zip.add(second, "two");
        return zip;
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/x", "a/../../x", "..\\..\\x", "/abs/x", "C:\\x", "C:/x", "c:x",
        "\\\\host\\share\\x", "./x", "%2e%2e/x", "a/%2E%2e/b", "a//b", "nul\u0000.txt", "bell\u0007.txt",
        "del\u007f.txt", "c1\u0085.txt", "invoice\u202Efdp.exe", "x\u200F.pdf", "x\u2066y.pdf", "bom\uFEFF.txt",
        "../"})
    void unsafeNames(String name) throws IOException {
        rejected(one(name, "x"), UNSAFE_ENTRY_NAME);
    }

    @Test
    void overLongNames() throws IOException {
        rejected(one("a".repeat(256) + ".txt", "x"), UNSAFE_ENTRY_NAME);
        rejected(one(("d".repeat(100) + "/").repeat(11) + "f.txt", "x"), UNSAFE_ENTRY_NAME);
        rejected(one("d/".repeat(32) + "f.txt", "x"), UNSAFE_ENTRY_NAME);
    }

    @Test
    void messageShowsTheNameWithHiddenCharactersMadeVisible() throws IOException {
        Rejection rejection = rejected(one("invoice\u202Efdp.exe", "x").build(), ArchiveLimits.defaults(),
                UNSAFE_ENTRY_NAME);
        assertTrue(rejection.message().contains("invoice\uFFFDfdp.exe"), rejection.message());
    }

    @Test
    void unicodePathFieldThatTellsAnotherStory() throws IOException {
        ZipBytes zip = new ZipBytes();
        ZipBytes.Entry entry = zip.add("report.pdf.html", "<script>");
        entry.extra = ZipBytes.unicodePath("report.pdf", entry.name);
        rejected(zip, UNSAFE_ENTRY_NAME);
    }

    @Test
    void unixSymlink() throws IOException {
        ZipBytes zip = new ZipBytes();
        ZipBytes.Entry link = zip.add("passwd", "/etc/passwd").method(ZipBytes.STORED);
        link.madeBy = ZipBytes.UNIX_MADE_BY;
        link.externalAttributes = 0120777L << 16;
        rejected(zip, SYMLINK_ENTRY);
    }

    @Test
    void encryptedEntries() throws IOException {
        ZipBytes zipCrypto = new ZipBytes();
        zipCrypto.add("a.txt", "x").flags(1);
        rejected(zipCrypto, ENCRYPTED_ARCHIVE);
        ZipBytes aes = new ZipBytes();
        aes.add("aes.txt", "x").method(99).flags(1);
        rejected(aes, ENCRYPTED_ARCHIVE);
        ZipBytes strong = new ZipBytes();
        strong.add("strong.txt", "x").flags(1 | 64);
        rejected(strong, ENCRYPTED_ARCHIVE);
    }

    @Test
    void splitArchives() throws IOException {
        ZipBytes lastSegment = one("a.txt", "x");
        lastSegment.disk = 2;
        rejected(lastSegment, SPLIT_ARCHIVE);
        ZipBytes spanned = one("a.txt", "x");
        spanned.prefix = new byte[] {'P', 'K', 7, 8};
        rejected(spanned, SPLIT_ARCHIVE);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 6, 9, 12, 14, 93, 95, 98})
    void compressionMethodsOtherThanStoredAndDeflated(int method) throws IOException {
        ZipBytes zip = new ZipBytes();
        zip.add("a.txt", "hello").method(method).compressed = "hello".getBytes(StandardCharsets.US_ASCII);
        rejected(zip, UNSUPPORTED_COMPRESSION);
    }

    @Test
    void checksumMismatch() throws IOException {
        ZipBytes zip = new ZipBytes();
        zip.add("a.txt", "hello").crc = 12345L;
        rejected(zip, CORRUPT_ARCHIVE);
    }

    @Test
    void declaredSizeLargerThanTheData() throws IOException {
        ZipBytes zip = new ZipBytes();
        zip.add("a.txt", "hello").size = 50_000L;
        rejected(zip, CORRUPT_ARCHIVE);
        ZipBytes understated = new ZipBytes();
        understated.add("b.txt", "y".repeat(5_000)).size = 100L;
        rejected(understated, CORRUPT_ARCHIVE);
    }

    @Test
    void truncatedArchive() throws IOException {
        byte[] whole = one("a.txt", "hello world").build();
        rejected(Arrays.copyOf(whole, whole.length - 10), ArchiveLimits.defaults(), CORRUPT_ARCHIVE);
        rejected(Arrays.copyOf(whole, 20), ArchiveLimits.defaults(), CORRUPT_ARCHIVE);
    }

    @Test
    void localHeaderDisagreesWithTheDirectory() throws IOException {
        ZipBytes renamed = new ZipBytes();
        renamed.add("ok.pdf", "<html>").localName = "evil.html".getBytes(StandardCharsets.US_ASCII);
        rejected(renamed, CORRUPT_ARCHIVE);
        ZipBytes method = new ZipBytes();
        method.add("a.txt", "hello").localMethod = ZipBytes.STORED;
        rejected(method, CORRUPT_ARCHIVE);
    }

    @Test
    void entryHiddenBetweenListedEntries() throws IOException {
        ZipBytes zip = new ZipBytes();
        ZipBytes.Entry hidden = new ZipBytes.Entry("hidden.html", "<script>".getBytes(StandardCharsets.US_ASCII));
        zip.add("visible.txt", "hello").trailing = ZipBytes.localHeader(hidden);
        rejected(zip, CORRUPT_ARCHIVE);
    }

    @Test
    void garbageInsteadOfDeflateData() throws IOException {
        ZipBytes zip = new ZipBytes();
        zip.add("a.txt", "hello").compressed = new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x00};
        rejected(zip, CORRUPT_ARCHIVE);
    }

    @Test
    void directoryLargerThanDeclared() throws IOException {
        ZipBytes zip = one("a.txt", "x");
        zip.declaredDirectorySize = 10L;
        rejected(zip, CORRUPT_ARCHIVE);
        ZipBytes count = one("a.txt", "x");
        count.declaredCount = 2;
        rejected(count, CORRUPT_ARCHIVE);
    }

    @ParameterizedTest
    @EnumSource(RejectionCode.class)
    void everyArchiveRejectionCodeHasAGeneratedArchive(RejectionCode code) throws IOException {
        ZipBytes zip = new ZipBytes();
        ArchiveLimits limits = ArchiveLimits.defaults();
        switch (code) {
            case NOT_AN_ARCHIVE -> zip.prefix = "<html>".getBytes(StandardCharsets.US_ASCII);
            case ENCRYPTED_ARCHIVE -> zip.add("a.txt", "x").flags(1);
            case SPLIT_ARCHIVE -> zip.disk = 1;
            case TOO_MANY_ENTRIES -> zip.declaredCount = 0xFFFF;
            case TOO_MUCH_DATA -> limits = SMALL;
            case COMPRESSION_RATIO -> zip.add("zeros", new byte[4 * 1024 * 1024]);
            case OVERLAPPING_ENTRIES -> zip.alias("twin", 0);
            case DUPLICATE_ENTRIES -> zip.add("A.TXT", "x");
            case UNSAFE_ENTRY_NAME -> zip.add("../a.txt", "x");
            case SYMLINK_ENTRY -> {
                ZipBytes.Entry link = zip.add("link", "/etc/passwd");
                link.madeBy = ZipBytes.UNIX_MADE_BY;
                link.externalAttributes = 0120777L << 16;
            }
            case UNSUPPORTED_COMPRESSION -> zip.add("b.txt", "x").method(12).compressed = new byte[] {1};
            case CORRUPT_ARCHIVE -> zip.add("b.txt", "x").crc = 1L;
            case EMPTY_ARCHIVE -> zip.add("folder/", "");
            default -> throw new AssertionError("no generated archive for " + code);
        }
        if (code != EMPTY_ARCHIVE && code != NOT_AN_ARCHIVE && code != SPLIT_ARCHIVE) {
            zip.entries.add(0, new ZipBytes.Entry("a.txt", "y".repeat(2_000).getBytes(StandardCharsets.US_ASCII)));
        }
        if (code == NOT_AN_ARCHIVE || code == SPLIT_ARCHIVE) {
            zip.add("a.txt", "x");
        }
        rejected(zip.build(), limits, code);
    }
}
