package health.ferry.review;

import java.util.UUID;

/** A study coordinator sent a participant a short message; it appears in the participant's notices. */
public record ParticipantMessaged(UUID personId, String studyId, String message) {
}
