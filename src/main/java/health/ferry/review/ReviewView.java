package health.ferry.review;

import java.time.Instant;

/**
 * A decision as shown to coordinators and participants. {@code version} counts decisions on the document (1 after
 * the first); a client changing a decision sends the version it saw.
 */
public record ReviewView(String decision, String reason, String kind, String category, String decidedBy,
        Instant decidedAt, int version) {
}
