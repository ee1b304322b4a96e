package health.ferry.review;

/**
 * A coordinator's decision as sent: {@code decision} accepted or rejected, a {@code reason} (required to reject,
 * the participant reads it), optionally a corrected {@code kind} or {@code category}, and the {@code version} of the
 * decision the coordinator saw (absent or 0 for an undecided document).
 */
public record ReviewRequest(String decision, String reason, String kind, String category, Integer version) {
}
