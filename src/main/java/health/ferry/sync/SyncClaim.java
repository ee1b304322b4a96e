package health.ferry.sync;

import java.util.UUID;

/**
 * A worker's hold on one sync job: its writes count only while the job still carries this owner and token.
 *
 * @param jobId        the job
 * @param connectionId the connection it syncs
 * @param owner        {@code <instance>/<thread>}, ids only
 * @param token        the job's attempt number at the claim (fencing token)
 */
record SyncClaim(UUID jobId, UUID connectionId, String owner, int token) {
}
