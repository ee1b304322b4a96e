package health.ferry.uploads.api;

import java.time.Instant;
import java.util.UUID;

/**
 * An upload made for a study, as the study's side reads it. {@code inReview}: it reached review (ready, accepted or
 * rejected by coordinators, not refused at intake); {@code awaitingReview}: some document is still undecided
 * ({@code ready_for_review}).
 */
public record StudyUpload(UUID id, String studyId, UUID personId, String status, boolean inReview,
        boolean awaitingReview, Progress progress, Problem rejection, Instant receivedAt, Instant finishedAt) {
    /** Status code of an upload every document of which coordinators accepted or rejected with one accepted. */
    public static final String ACCEPTED = "accepted";
    /** Status code of an upload refused before review, or whose documents coordinators all rejected. */
    public static final String REJECTED = "rejected";
}
