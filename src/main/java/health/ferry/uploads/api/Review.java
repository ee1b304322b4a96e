package health.ferry.uploads.api;

/** A coordinator's decision on a document as the participant sees it: accepted or rejected, and why. */
public record Review(String decision, String reason) {
}
