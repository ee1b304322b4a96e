package health.ferry.uploads.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files uploaded one by one are held to the archive's limits, and outer types are judged by content. */
class FileListTest {
    private static final ArchiveLimits SMALL = new ArchiveLimits(3, 100, 150, 1024, 100, 64, 16, 4);

    private static FileList.File file(String name, long size) {
        return new FileList.File(name, size);
    }

    @Test
    void keepsDocumentsAndSkipsClutterAndEmptyFilesWithTheirPositions() {
        FileList.Verdict verdict = FileList.check(List.of(file("f/a.xml", 10), file("f/.DS_Store", 5),
                file("f/empty.txt", 0)), SMALL);
        assertNull(verdict.rejection());
        assertEquals(List.of(0), verdict.kept());
        assertEquals(List.of(1, 2), verdict.skippedAt());
        assertEquals(List.of(SkippedEntry.SYSTEM_FILE, SkippedEntry.EMPTY_FILE),
                verdict.skipped().stream().map(SkippedEntry::reason).toList());
    }

    @Test
    void refusesWhatTheUnpackerWouldRefuse() {
        assertEquals(RejectionCode.TOO_MANY_ENTRIES, code(List.of(file("a", 1), file("b", 1), file("c", 1),
                file("d", 1))));
        assertEquals(RejectionCode.TOO_MUCH_DATA, code(List.of(file("a", 101))));
        assertEquals(RejectionCode.TOO_MUCH_DATA, code(List.of(file("a", 100), file("b", 60))));
        assertEquals(RejectionCode.UNSAFE_ENTRY_NAME, code(List.of(file("../a.xml", 1))));
        assertEquals(RejectionCode.UNSAFE_ENTRY_NAME, code(List.of(file("a\u202Efdp.exe", 1))));
        assertEquals(RejectionCode.UNSAFE_ENTRY_NAME, code(List.of(file("/etc/passwd", 1))));
        assertEquals(RejectionCode.DUPLICATE_ENTRIES, code(List.of(file("A.xml", 1), file("a.XML", 1))));
        assertEquals(RejectionCode.EMPTY_ARCHIVE, code(List.of(file("Thumbs.db", 3), file("e.txt", 0))));
    }

    @Test
    void outerTypesAreJudgedByTheFirstBytes(@TempDir Path dir) throws Exception {
        Path zip = Files.write(dir.resolve("a"), new byte[] {'P', 'K', 3, 4, 0, 0});
        Path empty = Files.write(dir.resolve("b"), new byte[] {'P', 'K', 5, 6, 0, 0});
        Path sevenZip = Files.write(dir.resolve("c"), new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C});
        Path pdf = Files.writeString(dir.resolve("d"), "%PDF-1.7", StandardCharsets.US_ASCII);
        assertTrue(ArchiveMagic.startsLikeZip(zip) && ArchiveMagic.startsLikeZip(empty));
        assertFalse(ArchiveMagic.startsLikeZip(sevenZip) || ArchiveMagic.startsLikeZip(pdf));
        assertTrue(ArchiveMagic.startsLikeArchive(sevenZip) && ArchiveMagic.startsLikeArchive(zip));
        assertFalse(ArchiveMagic.startsLikeArchive(pdf));
    }

    private static RejectionCode code(List<FileList.File> files) {
        FileList.Verdict verdict = FileList.check(files, SMALL);
        assertTrue(verdict.rejected(), () -> "accepted: " + files);
        return verdict.rejection().code();
    }
}
