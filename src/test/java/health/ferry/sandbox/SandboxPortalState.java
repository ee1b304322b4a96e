package health.ferry.sandbox;

import io.quarkus.arc.Arc;

/**
 * Lets tests in other packages start from a fresh sandbox portal: sessions, codes, tokens, accepted terms and attempt
 * counters forgotten, the clock put back. The portal's state is in memory and shared by every test of one app start,
 * so a test that needs an account's first-time behaviour (the "terms" account still asking) must not depend on the
 * order the test classes run in.
 */
public final class SandboxPortalState {
    private SandboxPortalState() {
    }

    public static void reset() {
        Arc.container().instance(SandboxState.class).get().reset();
    }
}
