package health.ferry.studies;

import health.ferry.accounts.Actor;
import java.util.UUID;

/**
 * A person was enrolled (consent given), consented again to a new version, changed what they share, or was
 * withdrawn (consent withdrawn). Ids and the consent version only.
 */
public record EnrolmentChanged(Actor actor, UUID personId, String studyId, UUID enrolmentId, Change change,
        String consentVersion) {
    public enum Change { ENROLLED, RECONSENTED, SHARING_CHANGED, WITHDRAWN }
}
