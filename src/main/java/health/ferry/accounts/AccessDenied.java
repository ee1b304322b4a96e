package health.ferry.accounts;

import java.util.UUID;

/**
 * Someone asked for an object they may not see; they were answered 404. Fired by any feature's access check.
 * {@code subjectPerson} is set only when the object belongs to a person the caller does own.
 */
public record AccessDenied(Actor actor, String objectType, String objectId, UUID subjectPerson, String studyId) {
}
