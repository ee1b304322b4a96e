package health.ferry.uploads.archive;

import static health.ferry.uploads.archive.ZipRecords.read;

import health.ferry.uploads.archive.CentralDirectoryCheck.Directory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** The Zip64 locator and end-of-central-directory record, read the way {@code ZipFile} reads them. */
final class Zip64 {
    static final int LOCATOR_LENGTH = 20;
    private static final int END_LENGTH = 56;

    private Zip64() {
    }

    /** Follows the locator just before the classic record to the Zip64 record; several disks mean a split archive. */
    static long endOfDirectoryOffset(FileChannel channel, long classicEnd) throws IOException, ArchiveRejected {
        ByteBuffer locator = read(channel, classicEnd - LOCATOR_LENGTH, LOCATOR_LENGTH);
        if (locator.getInt(4) != 0 || Integer.toUnsignedLong(locator.getInt(16)) > 1) {
            throw new ArchiveRejected(RejectionCode.SPLIT_ARCHIVE);
        }
        long offset = locator.getLong(8);
        if (offset < 0 || offset > classicEnd - LOCATOR_LENGTH - END_LENGTH) {
            throw new ArchiveRejected(RejectionCode.CORRUPT_ARCHIVE);
        }
        return offset;
    }

    static Directory directory(FileChannel channel, long offset) throws IOException, ArchiveRejected {
        ByteBuffer end = read(channel, offset, END_LENGTH);
        if (end.getInt(0) != ZipRecords.ZIP64_END_OF_DIRECTORY) {
            throw new ArchiveRejected(RejectionCode.CORRUPT_ARCHIVE);
        }
        if (end.getInt(16) != 0 || end.getInt(20) != 0 || end.getLong(24) != end.getLong(32)) {
            throw new ArchiveRejected(RejectionCode.SPLIT_ARCHIVE);
        }
        return new Directory(end.getLong(32), end.getLong(48), end.getLong(40), offset);
    }
}
