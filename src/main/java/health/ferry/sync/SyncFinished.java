package health.ferry.sync;

import java.util.UUID;

/**
 * A sync run ended (scheduled or "sync now"). Ids, counts and codes only; {@code portalName} is for the
 * participant's notice. Observed by notifications (records waiting, connection needs attention) and audit.
 *
 * @param outcome     {@code new_records}, {@code no_new_records} or {@code failed}
 * @param failureCode the taxonomy code when failed, else null
 */
public record SyncFinished(UUID connectionId, UUID personId, String portalName, UUID runId, boolean scheduled,
        String outcome, String failureCode, int newRecords, int updatedRecords) {
    public boolean failed() {
        return failureCode != null;
    }
}
