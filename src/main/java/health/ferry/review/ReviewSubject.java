package health.ferry.review;

import java.util.UUID;

/** The document a decision is about, as the feature that holds documents knows it. */
public record ReviewSubject(UUID documentId, UUID uploadId, String studyId, UUID personId) {
}
