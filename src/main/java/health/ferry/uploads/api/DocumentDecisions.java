package health.ferry.uploads.api;

import java.util.Map;
import java.util.UUID;

/**
 * The decisions coordinators made on an upload's documents, for the participant's upload pages. Owned by uploads
 * and implemented by review (which keeps the decisions), so uploads depends on nothing of review.
 */
public interface DocumentDecisions {
    /** The decided documents of this upload, by document id; undecided ones are absent. */
    Map<UUID, Review> forUpload(UUID uploadId);
}
