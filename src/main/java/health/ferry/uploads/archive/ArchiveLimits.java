package health.ferry.uploads.archive;

/**
 * The bounds enforced while unpacking (SECURITY-TEST-PLAN section 2); every one is configurable, the defaults are
 * the plan's recommended values.
 *
 * @param maxEntries            most entries the central directory may declare ({@code too_many_entries})
 * @param maxEntryBytes         most uncompressed bytes of one entry, counted while streaming ({@code too_much_data})
 * @param maxTotalBytes         most uncompressed bytes of the whole archive, counted ({@code too_much_data})
 * @param ratioCheckAfterBytes  an entry's compression ratio is judged once it has produced more than this
 * @param maxCompressionRatio   most uncompressed bytes per compressed byte of an entry ({@code compression_ratio})
 * @param maxNameBytes          most UTF-8 bytes of an entry's whole path ({@code unsafe_entry_name})
 * @param maxSegmentBytes       most UTF-8 bytes of one path segment ({@code unsafe_entry_name})
 * @param maxSegments           most path segments ({@code unsafe_entry_name})
 */
public record ArchiveLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, long ratioCheckAfterBytes,
        int maxCompressionRatio, int maxNameBytes, int maxSegmentBytes, int maxSegments) {
    public static final int DEFAULT_MAX_ENTRIES = 2_000;
    public static final long DEFAULT_MAX_ENTRY_BYTES = 100L * 1024 * 1024;
    public static final long DEFAULT_MAX_TOTAL_BYTES = 1024L * 1024 * 1024;
    public static final long DEFAULT_RATIO_CHECK_AFTER_BYTES = 1024L * 1024;
    public static final int DEFAULT_MAX_COMPRESSION_RATIO = 100;
    public static final int DEFAULT_MAX_NAME_BYTES = 1_024;
    public static final int DEFAULT_MAX_SEGMENT_BYTES = 255;
    public static final int DEFAULT_MAX_SEGMENTS = 32;

    public ArchiveLimits {
        if (maxEntries < 1 || maxEntryBytes < 1 || maxTotalBytes < 1 || ratioCheckAfterBytes < 0
                || maxCompressionRatio < 1 || maxNameBytes < 1 || maxSegmentBytes < 1 || maxSegments < 1) {
            throw new IllegalArgumentException("archive limits must be positive");
        }
    }

    /** The plan's recommended limits. */
    public static ArchiveLimits defaults() {
        return new ArchiveLimits(DEFAULT_MAX_ENTRIES, DEFAULT_MAX_ENTRY_BYTES, DEFAULT_MAX_TOTAL_BYTES,
                DEFAULT_RATIO_CHECK_AFTER_BYTES, DEFAULT_MAX_COMPRESSION_RATIO, DEFAULT_MAX_NAME_BYTES,
                DEFAULT_MAX_SEGMENT_BYTES, DEFAULT_MAX_SEGMENTS);
    }
}
