package health.ferry.studies;

import health.ferry.records.Shared;
import java.time.Instant;
import java.util.UUID;

/**
 * A person enrolled in a study as its coordinators may know them: the study's stable pseudonym (random, one per
 * study and person, kept when they re-enrol), whether consent stands, since when, and what of their records the
 * study may receive ({@link Shared}: the categories they share, the periods their consent let records flow;
 * nothing once withdrawn).
 */
public record StudyParticipant(UUID personId, String pseudonym, boolean active, Instant enrolledAt, Shared shared) {
}
