package health.ferry.connections.spi;

import java.time.Duration;

/** The portal did not answer usefully (timeout, 5xx, 429, garbage): retried, then reported as portal_unavailable. */
public class PortalUnavailable extends RuntimeException {
    private final Duration retryAfter;

    public PortalUnavailable(String reason, Duration retryAfter) {
        super(reason, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** How long the portal asked us to wait (Retry-After), if it said. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
