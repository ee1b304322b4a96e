package health.ferry.sandbox;

import jakarta.enterprise.context.ApplicationScoped;

/** All of the sandbox's in-memory state, so that tests (or a demo) can start from a clean portal. */
@ApplicationScoped
class SandboxState {
    private final SignIns signIns;
    private final Grants grants;
    private final Authorizations authorizations;
    private final SandboxClock clock;

    SandboxState(SignIns signIns, Grants grants, Authorizations authorizations, SandboxClock clock) {
        this.signIns = signIns;
        this.grants = grants;
        this.authorizations = authorizations;
        this.clock = clock;
    }

    /** Forgets sessions, codes, tokens, accepted terms and attempt counters, and puts the clock back. */
    void reset() {
        signIns.reset();
        grants.reset();
        authorizations.reset();
        clock.reset();
    }
}
