package health.ferry.notifications;

import java.time.Instant;
import java.util.UUID;

/** A notice as pages show it; {@code kind} selects its text in the {@code notice} message bundle. */
public record NoticeView(UUID id, String kind, String subjectName, String link, Instant createdAt) {
}
