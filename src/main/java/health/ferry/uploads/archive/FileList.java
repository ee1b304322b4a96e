package health.ferry.uploads.archive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The unpacker's rules applied to files uploaded one by one (a folder, or several files): the same entry count,
 * byte, name and duplicate limits, and the same clutter and empty files skipped, so a folder is held to exactly
 * what its ZIP would be.
 */
public final class FileList {
    /** One uploaded file: its relative path (display text only) and its counted size. */
    public record File(String name, long size) {
    }

    /**
     * The verdict on a list of files.
     *
     * @param kept      positions (in the input) of the files to process, in order
     * @param skipped   files left out on purpose; {@link SkippedEntry#name()} is the file's name
     * @param skippedAt positions of the skipped files, parallel to {@code skipped}
     * @param rejection why the whole list is refused, or null
     */
    public record Verdict(List<Integer> kept, List<SkippedEntry> skipped, List<Integer> skippedAt,
            Rejection rejection) {
        public Verdict {
            kept = List.copyOf(kept);
            skipped = List.copyOf(skipped);
            skippedAt = List.copyOf(skippedAt);
        }

        public boolean rejected() {
            return rejection != null;
        }
    }

    private FileList() {
    }

    /** Checks {@code files} against {@code limits}. */
    public static Verdict check(List<File> files, ArchiveLimits limits) {
        try {
            return checked(files, limits);
        } catch (ArchiveRejected rejected) {
            return new Verdict(List.of(), List.of(), List.of(), rejected.rejection());
        }
    }

    private static Verdict checked(List<File> files, ArchiveLimits limits) throws ArchiveRejected {
        if (files.size() > limits.maxEntries()) {
            throw new ArchiveRejected(RejectionCode.TOO_MANY_ENTRIES,
                    String.format("At most %,d files are accepted.", limits.maxEntries()));
        }
        List<Integer> kept = new ArrayList<>();
        List<SkippedEntry> skipped = new ArrayList<>();
        List<Integer> skippedAt = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        long total = 0;
        for (int position = 0; position < files.size(); position++) {
            File file = files.get(position);
            EntryNames.check(file.name(), false, limits);
            if (seen.put(EntryNames.collisionKey(file.name()), file.name()) != null) {
                throw new ArchiveRejected(RejectionCode.DUPLICATE_ENTRIES, EntryNames.sentence(file.name()));
            }
            if (file.size() > limits.maxEntryBytes()) {
                throw new ArchiveRejected(RejectionCode.TOO_MUCH_DATA, EntryNames.sentence(file.name()));
            }
            total += file.size();
            if (total > limits.maxTotalBytes()) {
                throw new ArchiveRejected(RejectionCode.TOO_MUCH_DATA);
            }
            String reason = EntryNames.isSystemFile(file.name()) ? SkippedEntry.SYSTEM_FILE
                    : file.size() == 0 ? SkippedEntry.EMPTY_FILE : null;
            if (reason == null) {
                kept.add(position);
            } else {
                skipped.add(new SkippedEntry(file.name(), reason));
                skippedAt.add(position);
            }
        }
        if (kept.isEmpty()) {
            throw new ArchiveRejected(RejectionCode.EMPTY_ARCHIVE);
        }
        return new Verdict(kept, skipped, skippedAt, null);
    }
}
