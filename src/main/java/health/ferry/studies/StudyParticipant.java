package health.ferry.studies;

import java.time.Instant;
import java.util.UUID;

/**
 * A person enrolled in a study as its coordinators may know them: the study's stable pseudonym (random, one per
 * study and person, kept when they re-enrol), whether consent stands, since when.
 */
public record StudyParticipant(UUID personId, String pseudonym, boolean active, Instant enrolledAt) {
}
