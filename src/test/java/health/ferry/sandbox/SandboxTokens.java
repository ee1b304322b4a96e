package health.ferry.sandbox;

import io.quarkus.arc.Arc;

/** Lets tests in other packages count the sandbox token endpoint's refresh requests for an account. */
public final class SandboxTokens {
    private SandboxTokens() {
    }

    /** Refresh requests the account's grants have received (answered or refused) since the sandbox was reset. */
    public static int refreshes(String username) {
        return Arc.container().instance(Grants.class).get().refreshRequests(username);
    }
}
