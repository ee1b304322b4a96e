package health.ferry.sync;

import java.time.Duration;

/**
 * The portal could not answer now (network error, timeout, 429 or 5xx): worth another try, after
 * {@code retryAfter} when the portal said so in {@code Retry-After}.
 */
final class PortalBusy extends RuntimeException {
    private final transient Duration retryAfter;

    PortalBusy(Duration retryAfter) {
        super("portal busy", null, false, false);
        this.retryAfter = retryAfter;
    }

    /** What the portal asked for in {@code Retry-After}; null when it did not say. */
    Duration retryAfter() {
        return retryAfter;
    }
}
