package health.ferry.sandbox;

import io.quarkus.arc.Arc;

/** Lets tests in other packages read and reset the sandbox's FHIR request limit ({@link SandboxRateLimit}). */
public final class SandboxLimits {
    private SandboxLimits() {
    }

    private static SandboxRateLimit limit() {
        return Arc.container().instance(SandboxRateLimit.class).get();
    }

    /** FHIR requests served under the limit since the last reset. */
    public static long served() {
        return limit().served();
    }

    /** FHIR requests answered 429 since the last reset. */
    public static long refused() {
        return limit().refused();
    }

    public static void reset() {
        limit().reset();
    }
}
