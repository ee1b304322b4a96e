package health.ferry.uploads;

import java.util.UUID;

/**
 * A worker's hold on one job: writes succeed only while the job still carries this owner and fencing token.
 *
 * @param uploadId the upload the job processes
 * @param owner    the claiming worker ({@code <instance>/<thread>}); ids only
 * @param token    the job's attempt number at the claim
 */
record JobClaim(UUID uploadId, String owner, int token) {
}
