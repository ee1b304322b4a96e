package health.ferry.uploads.archive;

import static health.ferry.uploads.archive.ZipRecords.LOCAL_HEADER;
import static health.ferry.uploads.archive.ZipRecords.LOCAL_HEADER_LENGTH;
import static health.ferry.uploads.archive.ZipRecords.MAGIC_32;
import static health.ferry.uploads.archive.ZipRecords.read;
import static health.ferry.uploads.archive.ZipRecords.u16;
import static health.ferry.uploads.archive.ZipRecords.u32;

import health.ferry.uploads.archive.CentralDirectoryCheck.Directory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

/**
 * Where the entries sit in the file. ZipFile accepts entries that share bytes (Fifield's non-recursive bomb), local
 * headers that disagree with the directory, and entries hidden between the listed ones; each is refused here.
 */
final class EntryLayout {
    private static final int DATA_DESCRIPTOR_FLAG = 8;
    private static final int ENCRYPTED_FLAG = 1;
    private static final int CHUNK = 1 << 16;

    private EntryLayout() {
    }

    static void check(FileChannel channel, List<ZipArchiveEntry> entries, Directory directory) throws IOException,
            ArchiveRejected {
        List<ZipArchiveEntry> sorted = entries.stream()
                .sorted(Comparator.comparingLong(ZipArchiveEntry::getLocalHeaderOffset)).toList();
        long previousEnd = 0;
        for (ZipArchiveEntry entry : sorted) {
            long start = entry.getLocalHeaderOffset();
            long end = entry.getDataOffset() + entry.getCompressedSize();
            if (start < previousEnd || end > directory.offset()) {
                throw new ArchiveRejected(RejectionCode.OVERLAPPING_ENTRIES);
            }
            if (entry.getDataOffset() < start + LOCAL_HEADER_LENGTH || entry.getCompressedSize() < 0) {
                throw new ArchiveRejected(RejectionCode.CORRUPT_ARCHIVE);
            }
            previousEnd = end;
        }
        previousEnd = 0;
        for (ZipArchiveEntry entry : sorted) {
            hiddenEntryCheck(channel, previousEnd, entry.getLocalHeaderOffset());
            localHeaderCheck(channel, entry);
            previousEnd = entry.getDataOffset() + entry.getCompressedSize();
        }
        hiddenEntryCheck(channel, previousEnd, directory.offset());
    }

    /** The local header must name the same file with the same method, flags, checksum and sizes as the directory. */
    private static void localHeaderCheck(FileChannel channel, ZipArchiveEntry entry) throws IOException,
            ArchiveRejected {
        long start = entry.getLocalHeaderOffset();
        ByteBuffer header = read(channel, start, LOCAL_HEADER_LENGTH);
        int flags = u16(header, 6);
        int nameLength = u16(header, 26);
        byte[] name = read(channel, start + LOCAL_HEADER_LENGTH, nameLength).array();
        boolean same = header.getInt(0) == LOCAL_HEADER && Arrays.equals(name, entry.getRawName())
                && u16(header, 8) == entry.getMethod()
                && ((flags & ENCRYPTED_FLAG) != 0) == entry.getGeneralPurposeBit().usesEncryption()
                && start + LOCAL_HEADER_LENGTH + nameLength + u16(header, 28) == entry.getDataOffset();
        if (same && (flags & DATA_DESCRIPTOR_FLAG) == 0) {
            same = u32(header, 14) == entry.getCrc() && sizeAgrees(u32(header, 18), entry.getCompressedSize())
                    && sizeAgrees(u32(header, 22), entry.getSize());
        }
        if (!same) {
            throw new ArchiveRejected(RejectionCode.CORRUPT_ARCHIVE);
        }
    }

    private static boolean sizeAgrees(long local, long central) {
        return local == MAGIC_32 || local == central;
    }

    /** Bytes between listed entries may hold descriptors or padding, but never another local header. */
    private static void hiddenEntryCheck(FileChannel channel, long from, long to) throws IOException,
            ArchiveRejected {
        long position = from;
        while (to - position >= 4) {
            int length = (int) Math.min(CHUNK, to - position);
            ByteBuffer chunk = read(channel, position, length);
            for (int at = 0; at + 4 <= length; at++) {
                if (chunk.getInt(at) == LOCAL_HEADER) {
                    throw new ArchiveRejected(RejectionCode.CORRUPT_ARCHIVE);
                }
            }
            position += Math.max(1, length - 3);
        }
    }
}
