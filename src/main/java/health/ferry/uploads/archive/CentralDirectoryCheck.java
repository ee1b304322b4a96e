package health.ferry.uploads.archive;

import static health.ferry.uploads.archive.ZipRecords.CENTRAL_HEADER;
import static health.ferry.uploads.archive.ZipRecords.CENTRAL_HEADER_LENGTH;
import static health.ferry.uploads.archive.ZipRecords.END_OF_DIRECTORY;
import static health.ferry.uploads.archive.ZipRecords.END_OF_DIRECTORY_LENGTH;
import static health.ferry.uploads.archive.ZipRecords.read;
import static health.ferry.uploads.archive.ZipRecords.u16;
import static health.ferry.uploads.archive.ZipRecords.u32;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/**
 * Reads the end-of-central-directory record (Zip64 too) and walks the central directory's fixed headers before
 * {@code ZipFile} allocates one object per entry: a flood of entries is refused by counting, not by running out of
 * heap, and a directory that holds more or fewer records than it declares is refused as corrupt.
 */
final class CentralDirectoryCheck {
    /** Where the central directory is, how many entries it holds, and where its end record starts. */
    record Directory(long entries, long offset, long size, long end) {
    }

    private static final int MAX_COMMENT = 0xFFFF;

    private CentralDirectoryCheck() {
    }

    static Directory check(FileChannel channel, ArchiveLimits limits) throws IOException, ArchiveRejected {
        Directory directory = locate(channel);
        if (directory.entries() < 0 || directory.entries() > limits.maxEntries()) {
            throw new ArchiveRejected(RejectionCode.TOO_MANY_ENTRIES, limitSentence(limits));
        }
        if (directory.offset() < 0 || directory.size() < 0 || directory.offset() > directory.end()
                || directory.size() > directory.end() - directory.offset()) {
            throw new ArchiveRejected(RejectionCode.CORRUPT_ARCHIVE);
        }
        walk(channel, directory, limits);
        return directory;
    }

    /** The file is one segment of a split or spanned archive (whatever its first bytes look like). */
    static boolean splitSegment(FileChannel channel) throws IOException {
        try {
            locate(channel);
            return false;
        } catch (ArchiveRejected rejected) {
            return rejected.rejection().code() == RejectionCode.SPLIT_ARCHIVE;
        }
    }

    private static Directory locate(FileChannel channel) throws IOException, ArchiveRejected {
        int head = channel.size() < 4 ? 0 : read(channel, 0, 4).getInt(0);
        if (head == ZipRecords.SPANNED || head == ZipRecords.SPANNED_ONE_SEGMENT) {
            throw new ArchiveRejected(RejectionCode.SPLIT_ARCHIVE);
        }
        long end = findEndOfDirectory(channel, channel.size());
        ByteBuffer eocd = end < 0 ? null : read(channel, end, END_OF_DIRECTORY_LENGTH);
        if (eocd != null && (u16(eocd, 4) != 0 || u16(eocd, 6) != 0 || u16(eocd, 8) != u16(eocd, 10))) {
            // The last segment of a split archive starts mid-entry, so its directory record is the only clue.
            throw new ArchiveRejected(RejectionCode.SPLIT_ARCHIVE);
        }
        if (head != ZipRecords.LOCAL_HEADER && head != END_OF_DIRECTORY) {
            throw new ArchiveRejected(RejectionCode.NOT_AN_ARCHIVE);
        }
        if (eocd == null) {
            throw new ArchiveRejected(RejectionCode.CORRUPT_ARCHIVE);
        }
        if (end >= Zip64.LOCATOR_LENGTH
                && read(channel, end - Zip64.LOCATOR_LENGTH, 4).getInt(0) == ZipRecords.ZIP64_LOCATOR) {
            return Zip64.directory(channel, Zip64.endOfDirectoryOffset(channel, end));
        }
        return new Directory(u16(eocd, 10), u32(eocd, 16), u32(eocd, 12), end);
    }

    static String limitSentence(ArchiveLimits limits) {
        return String.format("At most %,d files are accepted.", limits.maxEntries());
    }

    /** Searches backwards like {@code ZipFile} does, so both read the same record; -1 when there is none. */
    private static long findEndOfDirectory(FileChannel channel, long fileSize) throws IOException {
        if (fileSize < END_OF_DIRECTORY_LENGTH) {
            return -1;
        }
        int span = (int) Math.min(fileSize, END_OF_DIRECTORY_LENGTH + MAX_COMMENT);
        long start = fileSize - span;
        ByteBuffer tail = read(channel, start, span);
        for (int at = span - END_OF_DIRECTORY_LENGTH; at >= 0; at--) {
            if (tail.getInt(at) == END_OF_DIRECTORY) {
                return start + at;
            }
        }
        return -1;
    }

    private static void walk(FileChannel channel, Directory directory, ArchiveLimits limits) throws IOException,
            ArchiveRejected {
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel.position(directory.offset())),
                1 << 16);
        ByteBuffer header = ByteBuffer.allocate(CENTRAL_HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        long position = 0;
        long count = 0;
        while (position < directory.size()) {
            if (in.readNBytes(header.array(), 0, CENTRAL_HEADER_LENGTH) != CENTRAL_HEADER_LENGTH
                    || header.getInt(0) != CENTRAL_HEADER) {
                throw new ArchiveRejected(RejectionCode.CORRUPT_ARCHIVE);
            }
            if (++count > limits.maxEntries()) {
                throw new ArchiveRejected(RejectionCode.TOO_MANY_ENTRIES, limitSentence(limits));
            }
            long variable = (long) u16(header, 28) + u16(header, 30) + u16(header, 32);
            in.skipNBytes(variable);
            position += CENTRAL_HEADER_LENGTH + variable;
        }
        if (position != directory.size() || count != directory.entries() || hasMoreHeaders(channel, directory)) {
            throw new ArchiveRejected(RejectionCode.CORRUPT_ARCHIVE);
        }
    }

    /** ZipFile keeps reading headers while the signature matches, so nothing may follow the declared directory. */
    private static boolean hasMoreHeaders(FileChannel channel, Directory directory) throws IOException {
        long next = directory.offset() + directory.size();
        return next <= channel.size() - 4 && read(channel, next, 4).getInt(0) == CENTRAL_HEADER;
    }
}
