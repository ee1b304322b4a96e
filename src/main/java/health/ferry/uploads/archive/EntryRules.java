package health.ferry.uploads.archive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipMethod;

/** The per-entry checks made from the central directory alone, before a single byte is inflated. */
final class EntryRules {
    private static final int AES_METHOD = 99;

    private EntryRules() {
    }

    /** Checks every entry and returns their display names, in the same order. */
    static List<String> check(List<ZipArchiveEntry> entries, ArchiveLimits limits) throws ArchiveRejected {
        List<String> names = new ArrayList<>(entries.size());
        Map<String, String> seen = new HashMap<>();
        for (ZipArchiveEntry entry : entries) {
            String name = EntryNames.of(entry, limits);
            if (entry.isUnixSymlink()) {
                throw new ArchiveRejected(RejectionCode.SYMLINK_ENTRY, EntryNames.sentence(name));
            }
            if (encrypted(entry)) {
                throw new ArchiveRejected(RejectionCode.ENCRYPTED_ARCHIVE);
            }
            int method = entry.getMethod();
            if (method != ZipArchiveEntry.STORED && method != ZipArchiveEntry.DEFLATED) {
                throw new ArchiveRejected(RejectionCode.UNSUPPORTED_COMPRESSION, "It uses "
                        + describe(method) + ". " + EntryNames.sentence(name));
            }
            if (seen.put(EntryNames.collisionKey(name), name) != null) {
                throw new ArchiveRejected(RejectionCode.DUPLICATE_ENTRIES, EntryNames.sentence(name));
            }
            names.add(name);
        }
        return names;
    }

    private static boolean encrypted(ZipArchiveEntry entry) {
        return entry.getGeneralPurposeBit().usesEncryption() || entry.getGeneralPurposeBit().usesStrongEncryption()
                || entry.getMethod() == AES_METHOD;
    }

    private static String describe(int method) {
        ZipMethod known = ZipMethod.getMethodByCode(method);
        return known == null ? "compression method " + method : known.name() + " compression";
    }
}
