package health.ferry.sync;

import health.ferry.connections.ConnectionFailure;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a sync run stopped: the code stored on the run (never portal text). Failures of the connection itself carry
 * {@link ConnectionFailure}'s code, so a run and its connection name one failure alike; the others are the sync's own.
 */
enum SyncFailure {
    /** The portal no longer accepts Ferry's access (refresh refused, 401 on search): the participant reconnects. */
    RECONNECT_REQUIRED(ConnectionFailure.RECONNECT_REQUIRED, false),
    /** Network errors, timeouts, 429 and 5xx that outlasted the run's retries; the job is tried again later. */
    PORTAL_UNAVAILABLE(ConnectionFailure.PORTAL_UNAVAILABLE, true),
    /** The portal's FHIR address is not one Ferry may reach; trying again cannot help. */
    PORTAL_NOT_SUPPORTED(ConnectionFailure.PORTAL_NOT_SUPPORTED, false),
    /** The portal answered something that is not a FHIR bundle Ferry can read. */
    INVALID_RESPONSE(null, false),
    /** A page was larger than {@code ferry.sync.max-page-bytes}. */
    RESPONSE_TOO_LARGE(null, false),
    /** An unexpected error in Ferry; logged with the run's id, and retried. */
    INTERNAL_ERROR(null, true),
    /** The job was taken over or the instance is stopping: the run is not recorded as finished. */
    LEASE_LOST(null, false),
    /** The database stayed away longer than {@code ferry.sync.outage-wait}: the run is not recorded as finished. */
    DATABASE_UNAVAILABLE(null, false);

    private final ConnectionFailure connectionFailure;
    private final boolean retryable;

    SyncFailure(ConnectionFailure connectionFailure, boolean retryable) {
        this.connectionFailure = connectionFailure;
        this.retryable = retryable;
    }

    /** The stable snake_case code, {@link ConnectionFailure#code()} for the failures the two share. */
    String code() {
        return connectionFailure != null ? connectionFailure.code() : name().toLowerCase(Locale.ROOT);
    }

    /** The connection failure this is, when it is one. */
    Optional<ConnectionFailure> connectionFailure() {
        return Optional.ofNullable(connectionFailure);
    }

    /** Whether a later attempt of the job may succeed. */
    boolean retryable() {
        return retryable;
    }

    /** The job is given back without a finished run (another worker or a later start carries on). */
    boolean unfinished() {
        return this == LEASE_LOST || this == DATABASE_UNAVAILABLE;
    }

    static Optional<SyncFailure> fromCode(String code) {
        for (SyncFailure f : values()) {
            if (f.code().equals(code)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
