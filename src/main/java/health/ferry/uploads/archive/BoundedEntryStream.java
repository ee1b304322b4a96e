package health.ferry.uploads.archive;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * One entry's bytes on their way to the sink: counted against the limits as they stream (declared sizes are never
 * trusted), with CRC-32 and SHA-256 computed on the fly. A breached limit or an unreadable source is remembered, so
 * the unpacker knows the cause even when the sink swallowed the exception.
 */
final class BoundedEntryStream extends InputStream {
    private final InputStream source;
    private final ArchiveLimits limits;
    private final long usedBefore;
    private final String name;
    private final CRC32 crc = new CRC32();
    private final MessageDigest sha256;
    private final byte[] head = new byte[ArchiveMagic.HEAD_LENGTH];
    private final byte[] one = new byte[1];
    private int headLength;
    private long count;
    private ArchiveRejected violation;
    private boolean sourceFailed;

    BoundedEntryStream(InputStream source, ArchiveLimits limits, long usedBefore, String name) {
        this.source = source;
        this.limits = limits;
        this.usedBefore = usedBefore;
        this.name = name;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (violation != null || sourceFailed) {
            throw new IOException("entry stream stopped");
        }
        int n;
        try {
            n = source.read(buffer, offset, length);
        } catch (IOException | RuntimeException e) {
            sourceFailed = true;
            throw new IOException("entry unreadable", e);
        }
        if (n > 0) {
            account(buffer, offset, n);
        }
        return n;
    }

    /** The sink owns nothing of the source: closing is the unpacker's job. */
    @Override
    public void close() {
    }

    /** Reads whatever the sink left unread, so sizes and checksums always cover the whole entry. */
    void drain() throws IOException {
        byte[] buffer = new byte[8192];
        while (read(buffer, 0, buffer.length) >= 0) {
            continue;
        }
    }

    /** After a failed store: the limit breach or unreadable source it came from, else the sink's own failure. */
    void explain(IOException failure) throws ArchiveRejected, IOException {
        if (violation != null) {
            throw violation;
        }
        if (sourceFailed) {
            throw new ArchiveRejected(RejectionCode.CORRUPT_ARCHIVE, EntryNames.sentence(name));
        }
        throw failure;
    }

    long count() {
        return count;
    }

    long crc() {
        return crc.getValue();
    }

    String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    boolean nestedArchive() {
        return ArchiveMagic.looksLikeArchive(head, headLength);
    }

    private void account(byte[] buffer, int offset, int n) throws IOException {
        crc.update(buffer, offset, n);
        sha256.update(buffer, offset, n);
        int copy = Math.min(n, head.length - headLength);
        System.arraycopy(buffer, offset, head, headLength, copy);
        headLength += copy;
        count += n;
        if (count > limits.maxEntryBytes()) {
            stop(RejectionCode.TOO_MUCH_DATA, "One file unpacks to more than " + sizeText(limits.maxEntryBytes())
                    + ". ");
        } else if (usedBefore + count > limits.maxTotalBytes()) {
            stop(RejectionCode.TOO_MUCH_DATA, "All files together unpack to more than "
                    + sizeText(limits.maxTotalBytes()) + ". ");
        } else if (count > limits.ratioCheckAfterBytes() && count / limits.maxCompressionRatio() > compressed()) {
            stop(RejectionCode.COMPRESSION_RATIO, "");
        }
    }

    static String sizeText(long bytes) {
        long mib = 1024L * 1024;
        if (bytes >= 1024 * mib) {
            return String.format("%,.1f GB", bytes / (1024.0 * mib));
        }
        return bytes >= mib ? String.format("%,d MB", bytes / mib) : String.format("%,d KB", Math.max(1, bytes / 1024));
    }

    private long compressed() {
        return source instanceof InputStreamStatistics statistics ? statistics.getCompressedCount() : count;
    }

    private void stop(RejectionCode code, String detail) throws IOException {
        violation = new ArchiveRejected(code, detail + EntryNames.sentence(name));
        throw new IOException("archive limit exceeded");
    }
}
