package health.ferry.uploads;

import health.ferry.outcome.Outcome;
import health.ferry.outcome.OutcomeException;
import health.ferry.uploads.archive.ArchiveMagic;
import health.ferry.uploads.archive.RejectionCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;

/**
 * Decides from the files' first bytes whether an upload is one ZIP to unpack or files to take as they are, and
 * refuses (415) only what is plainly wrong: a single file that claims to be a ZIP but is not, or a single archive
 * of a format Ferry never opens (7z, RAR, tar, gzip …). A single ordinary document is simply one file.
 */
final class OuterType {
    private static final Set<String> ZIP_TYPES = Set.of("application/zip", "application/x-zip-compressed",
            "application/x-zip");

    private OuterType() {
    }

    /** {@link Upload#ARCHIVE} or {@link Upload#FILES}; throws {@code not_an_archive} when plainly wrong. */
    static String of(Submission submission) {
        if (submission.files().size() != 1) {
            return Upload.FILES;
        }
        Submission.File file = submission.files().get(0);
        try {
            boolean claimsZip = claimsZip(file);
            if (ArchiveMagic.startsLikeZip(file.path())) {
                // A .docx or .odt is a ZIP container too: only a file presented as a ZIP is unpacked.
                return claimsZip || !file.name().contains(".") ? Upload.ARCHIVE : Upload.FILES;
            }
            if (claimsZip && ArchiveMagic.isSplitSegment(file.path())) {
                return Upload.ARCHIVE; // the unpacker refuses it as split_archive, with the message that helps
            }
            if (claimsZip || ArchiveMagic.startsLikeArchive(file.path())) {
                throw new OutcomeException(Outcome.NOT_AN_ARCHIVE, RejectionCode.NOT_AN_ARCHIVE.message()
                        + " Other archive formats (7z, RAR, tar, gzip) are not accepted; you can also upload the "
                        + "files themselves.");
            }
            return Upload.FILES;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean claimsZip(Submission.File file) {
        String declared = file.declaredType() == null ? "" : file.declaredType().toLowerCase(Locale.ROOT).strip();
        return file.name().toLowerCase(Locale.ROOT).endsWith(".zip") || ZIP_TYPES.contains(declared);
    }
}
