package health.ferry.uploads.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Recognises archive and compressed formats by their first bytes, so nested archives are flagged, never opened,
 * and an upload's outer type is judged by content rather than by its name.
 */
public final class ArchiveMagic {
    /** Enough bytes to see a tar header's "ustar" at offset 257. */
    static final int HEAD_LENGTH = 512;
    private static final int TAR_MAGIC_OFFSET = 257;
    private static final byte[][] PREFIXES = {
        {'P', 'K', 3, 4}, {'P', 'K', 5, 6}, {'P', 'K', 7, 8},              // zip (and Office/OpenDocument containers)
        {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C},                 // 7z
        {'R', 'a', 'r', '!', 0x1A, 0x07},                                 // rar 4 and 5
        {0x1F, (byte) 0x8B}, {0x1F, (byte) 0x9D}, {0x1F, (byte) 0xA0},    // gzip, compress, lzh
        {'B', 'Z', 'h'},                                                  // bzip2
        {(byte) 0xFD, '7', 'z', 'X', 'Z', 0},                             // xz
        {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD},                           // zstandard
        {'L', 'Z', 'I', 'P'}, {'M', 'S', 'C', 'F'}, {0x60, (byte) 0xEA},  // lzip, cab, arj
        {'!', '<', 'a', 'r', 'c', 'h', '>', '\n'}, {'0', '7', '0', '7', '0'}, // ar, cpio
    };
    private static final byte[] USTAR = "ustar".getBytes(StandardCharsets.US_ASCII);

    private ArchiveMagic() {
    }

    /** The file starts like a ZIP (a local header, an empty archive's end record, or a spanned-archive marker). */
    public static boolean startsLikeZip(Path file) throws IOException {
        byte[] head = head(file);
        return head.length >= 4 && (startsWith(head, head.length, 0, PREFIXES[0])
                || startsWith(head, head.length, 0, PREFIXES[1]) || startsWith(head, head.length, 0, PREFIXES[2]));
    }

    /** The file starts like any archive or compressed format this class knows (ZIP included). */
    public static boolean startsLikeArchive(Path file) throws IOException {
        byte[] head = head(file);
        return looksLikeArchive(head, head.length);
    }

    /**
     * The file is a segment of a split archive: a later segment starts mid-entry, so only its end record tells, and the
     * participant should hear "split archive", not "not a ZIP".
     */
    public static boolean isSplitSegment(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return CentralDirectoryCheck.splitSegment(channel);
        }
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_LENGTH);
        }
    }

    static boolean looksLikeArchive(byte[] head, int length) {
        for (byte[] prefix : PREFIXES) {
            if (startsWith(head, length, 0, prefix)) {
                return true;
            }
        }
        return startsWith(head, length, TAR_MAGIC_OFFSET, USTAR);
    }

    private static boolean startsWith(byte[] head, int length, int offset, byte[] prefix) {
        if (length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (head[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
