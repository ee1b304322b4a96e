package health.ferry.connections;

import java.time.Instant;
import java.util.UUID;

/**
 * A connection's access ends within the reminder window ({@code ended} false) or has ended ({@code ended} true).
 * Observed by notifications; ids, the portal's name for the notice, and the end.
 */
public record AccessEnding(UUID connectionId, UUID personId, String portalName, Instant endsAt, boolean ended) {
}
