package health.ferry.sync;

import java.time.Duration;

/** A sync run cannot go on; carries the failure code stored on the run (never portal text). */
class SyncFailure extends RuntimeException {
    private final String code;
    private final transient Duration retryAfter;

    SyncFailure(String code) {
        this(code, null);
    }

    SyncFailure(String code, Duration retryAfter) {
        super(code, null, false, false);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    String code() {
        return code;
    }

    /** How long the portal asked us to wait (Retry-After), when it did. */
    Duration retryAfter() {
        return retryAfter;
    }
}
