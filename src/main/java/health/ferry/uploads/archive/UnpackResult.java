package health.ferry.uploads.archive;

import java.util.List;

/**
 * What unpacking produced: the stored entries and the skipped ones, or a rejection (then nothing stays stored).
 *
 * @param entries             stored entries in archive order; empty when rejected
 * @param skipped             entries left out on purpose, with the reason
 * @param rejection           why the archive was refused, or null when it was accepted
 * @param unusualCompression  accepted, but the whole archive compresses better than real records do (above the
 *                            ratio limit overall): worth a coordinator's look, not a reason to refuse
 */
public record UnpackResult(List<UnpackedEntry> entries, List<SkippedEntry> skipped, Rejection rejection,
        boolean unusualCompression) {
    public UnpackResult {
        entries = List.copyOf(entries);
        skipped = List.copyOf(skipped);
    }

    static UnpackResult rejected(Rejection rejection, List<SkippedEntry> skipped) {
        return new UnpackResult(List.of(), skipped, rejection, false);
    }

    /** True when the archive was refused; {@link #rejection()} says why. */
    public boolean rejected() {
        return rejection != null;
    }
}
