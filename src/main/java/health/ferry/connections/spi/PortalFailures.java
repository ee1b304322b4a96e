package health.ferry.connections.spi;

import health.ferry.outbound.OutboundRefused;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/** The failures every connector shares, in the taxonomy; a connector with its own adds them in its describe. */
final class PortalFailures {
    private PortalFailures() {
    }

    static SignInOutcome.Failed describe(RuntimeException failure) {
        if (failure instanceof PortalUnavailable || failure instanceof CircuitBreakerOpenException) {
            return SignInOutcome.Failed.of("portal_unavailable");
        }
        if (failure instanceof OutboundRefused) {
            return SignInOutcome.Failed.of("portal_not_supported");
        }
        if (failure instanceof PortalSetUpProblem p) {
            return SignInOutcome.Failed.setUp(p.error(), p.description());
        }
        throw failure;
    }
}
