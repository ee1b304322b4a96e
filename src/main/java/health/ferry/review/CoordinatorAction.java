package health.ferry.review;

import health.ferry.accounts.Actor;
import java.util.UUID;

/**
 * A coordinator looked at, downloaded, decided on or exported something of a participant's. Ids and codes only;
 * the audit trail records it and the participant reads it in their access log.
 *
 * @param action     {@code view_upload}, {@code view_document}, {@code download_document}, {@code decide_document},
 *                   {@code export}, {@code message}
 * @param objectType {@code upload}, {@code document}, {@code export}, {@code notice}
 */
public record CoordinatorAction(Actor actor, String action, String objectType, String objectId, UUID personId,
        String studyId, String detail) {
}
