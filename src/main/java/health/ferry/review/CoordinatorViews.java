package health.ferry.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import health.ferry.uploads.api.Problem;
import health.ferry.uploads.api.Progress;
import health.ferry.uploads.api.SkippedView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What coordinators see of uploads: the participant by study pseudonym (a name only where consent allows). */
public final class CoordinatorViews {
    /** Review status of a package: {@code new}, {@code in_review} or {@code done}. */
    public static final String NEW = "new";
    public static final String IN_REVIEW = "in_review";
    public static final String DONE = "done";

    private CoordinatorViews() {
    }

    /** The participant as the study's coordinators know them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Participant(String pseudonym, String name) {
        public String label() {
            return name == null ? pseudonym : name + " (" + pseudonym + ")";
        }
    }

    /**
     * An upload in a study's review queue. {@code reviewStatus} is {@code new} (nothing decided), {@code in_review}
     * or {@code done}; null for uploads that never reached review (still processing, failed, refused at intake).
     */
    public record CoordinatorUpload(UUID id, String studyId, Participant participant, String status,
            String reviewStatus, Progress progress, Problem rejection, List<CoordinatorDocument> documents,
            List<SkippedView> skipped, Instant receivedAt, Instant finishedAt) {
        public long decided() {
            return documents.stream().filter(d -> d.review() != null).count();
        }
    }

    /** A document for review; {@code text} (extracted, possibly truncated) only when one document is asked for. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CoordinatorDocument(UUID id, UUID uploadId, String name, String mediaType, String kind,
            String category, Double confidence, String evidence, long size, int pages, String sha256,
            String extraction, boolean nestedArchive, ReviewView review, String text, Boolean textTruncated,
            String confidenceWords, String ocr, String textNote) {
        /** Only these are shown inline (in a sandboxed frame); everything else is download only. */
        public boolean previewable() {
            return "application/pdf".equals(mediaType) || "image/png".equals(mediaType)
                    || "image/jpeg".equals(mediaType);
        }

        public int version() {
            return review == null ? 0 : review.version();
        }
    }

    /** The study's funnel, as the contract names it. */
    public record Funnel(long enrolled, long searched, long attempted, long connected,
            java.util.Map<String, Long> failuresByCode, long uploads, long accepted) {
    }
}
