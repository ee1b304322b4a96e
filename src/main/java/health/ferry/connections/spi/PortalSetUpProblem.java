package health.ferry.connections.spi;

/**
 * The portal answered, but what it answered cannot be used because of how it (or Ferry's registration there) is set
 * up: SMART discovery missing, not JSON, or without usable endpoints. Not retried; not the participant's to fix.
 */
public class PortalSetUpProblem extends RuntimeException {
    private final String error;

    public PortalSetUpProblem(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    /** A short code for admins, e.g. {@code discovery_unusable}. */
    public String error() {
        return error;
    }

    /** What was wrong, for admins. */
    public String description() {
        return getMessage();
    }
}
