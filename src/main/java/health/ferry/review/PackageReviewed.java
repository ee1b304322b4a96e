package health.ferry.review;

import java.util.UUID;

/**
 * A study coordinator finished reviewing a person's Supporting Documents package (fired by the coordinator review;
 * observed by notifications, which tells the participant). Ids only.
 */
public record PackageReviewed(UUID personId, String studyId, UUID uploadId) {
}
