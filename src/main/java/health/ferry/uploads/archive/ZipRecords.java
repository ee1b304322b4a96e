package health.ferry.uploads.archive;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/** Signatures of the ZIP records Ferry reads itself, and little-endian reads at absolute file positions. */
final class ZipRecords {
    static final int LOCAL_HEADER = 0x04034b50;
    static final int CENTRAL_HEADER = 0x02014b50;
    static final int END_OF_DIRECTORY = 0x06054b50;
    static final int ZIP64_LOCATOR = 0x07064b50;
    static final int ZIP64_END_OF_DIRECTORY = 0x06064b50;
    static final int SPANNED = 0x08074b50;
    static final int SPANNED_ONE_SEGMENT = 0x30304b50;
    static final int END_OF_DIRECTORY_LENGTH = 22;
    static final int LOCAL_HEADER_LENGTH = 30;
    static final int CENTRAL_HEADER_LENGTH = 46;
    static final long MAGIC_32 = 0xFFFF_FFFFL;

    private ZipRecords() {
    }

    /** Reads exactly {@code length} bytes at {@code position}; a short file is an {@link EOFException}. */
    static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        if (position < 0 || length < 0 || position > channel.size() - length) {
            throw new EOFException("record outside the file");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("record outside the file");
            }
        }
        return buffer.flip();
    }

    static int u16(ByteBuffer b, int at) {
        return Short.toUnsignedInt(b.getShort(at));
    }

    static long u32(ByteBuffer b, int at) {
        return Integer.toUnsignedLong(b.getInt(at));
    }
}
