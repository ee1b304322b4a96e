package health.ferry.uploads;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a claimed job starts from: the upload's shape and originals, and the documents an earlier, interrupted run
 * already recorded (entry index to stored path), which are kept and not extracted again.
 */
record JobWork(UUID uploadId, boolean archive, List<Original> originals, Map<Integer, String> recorded) {
    JobWork {
        originals = List.copyOf(originals);
        recorded = Map.copyOf(recorded);
    }

    /** One original: its position, name, stored path, SHA-256 and size. */
    record Original(int position, String name, String blobPath, String sha256, long size) {
    }
}
