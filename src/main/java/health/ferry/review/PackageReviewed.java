package health.ferry.review;

import java.util.UUID;

/** Every document of an upload (the package a participant sent) has a decision: the participant may look. */
public record PackageReviewed(UUID personId, String studyId, UUID uploadId) {
}
