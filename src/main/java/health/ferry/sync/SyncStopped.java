package health.ferry.sync;

import java.time.Duration;
import java.util.Objects;

/** A sync run cannot go on, for one {@link SyncFailure}. */
class SyncStopped extends RuntimeException {
    private final SyncFailure failure;
    private final transient Duration retryAfter;

    SyncStopped(SyncFailure failure) {
        this(failure, null);
    }

    SyncStopped(SyncFailure failure, Duration retryAfter) {
        super(failure.code(), null, false, false);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.retryAfter = retryAfter;
    }

    SyncFailure failure() {
        return failure;
    }

    /** The failure's stored code. */
    String code() {
        return failure.code();
    }

    /** How long the portal asked us to wait (Retry-After), when it did. */
    Duration retryAfter() {
        return retryAfter;
    }
}
